"""boto3's half of bench/cold.sh: the same measurements as bench/Petard.ColdStart, one per process.

usage: python3 bench/cold_boto3.py MODE URL API [N] [WARM]   (modes: three, first, steady, list)
Prints one line of name=value pairs in milliseconds.
"""
import sys
import time

t_start = time.perf_counter()
import boto3  # noqa: E402  (its import is part of the cold path)

mode, url = sys.argv[1], sys.argv[2]
api = sys.argv[3]


def ms(t):
    return (time.perf_counter() - t) * 1000


def cpu(c):
    return (time.process_time() - c) * 1000


def client():
    return boto3.client("apigateway", endpoint_url=url, region_name="us-east-1")


if mode == "three":
    c = client()
    c.get_rest_api(restApiId=api)
    c.get_stage(restApiId=api, stageName="cold")
    c.get_deployments(restApiId=api)
    print(f"mainToThreeCalls={ms(t_start):.3f}")
elif mode == "first":
    importing = ms(t_start)
    t0, c0 = time.perf_counter(), time.process_time()
    c = client()
    create, create_cpu = ms(t0), cpu(c0)
    t1, c1 = time.perf_counter(), time.process_time()
    c.get_rest_api(restApiId=api)
    first, first_cpu = ms(t1), cpu(c1)
    t2 = time.perf_counter()
    c.get_rest_api(restApiId=api)
    print(f"import={importing:.3f} create={create:.3f} firstCall={first:.3f} secondCall={ms(t2):.3f} createCpu={create_cpu:.3f} firstCallCpu={first_cpu:.3f}")
elif mode == "steady":
    calls = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    warm = int(sys.argv[5]) if len(sys.argv) > 5 else 20
    c = client()
    for _ in range(warm):
        c.get_rest_api(restApiId=api)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(calls):
        c.get_rest_api(restApiId=api)
    print(f"total={ms(t0):.3f} perCall={ms(t0) / calls:.3f} totalCpu={cpu(c0):.3f}")
elif mode == "list":
    page = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    c = client()
    t0, c0 = time.perf_counter(), time.process_time()
    n = sum(len(p.get("items", [])) for p in c.get_paginator("get_resources").paginate(restApiId=api, PaginationConfig={"PageSize": page}))
    print(f"list={ms(t0):.3f} items={n} listCpu={cpu(c0):.3f}")
else:
    sys.exit(f"unknown mode {mode}")
