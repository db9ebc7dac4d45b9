"""The loop of bench/cold.sh: every measurement a fresh process, the clients interleaved round by
round so that the machine's load falls on all of them alike; medians and ratios at the end.

usage: python3 bench/cold_runner.py URL API RUNS PETARD_IL_DLL PETARD_R2R_DLL PETARD_AOT_EXE OPENAPI_FILE
Each process's wall time (start to exit) and CPU time (user + system, getrusage of the reaped child) are taken here;
the spans inside a process are what the process prints (name=value, milliseconds).
"""
import os
import resource
import statistics
import subprocess
import sys
import time

url, api, runs, il_dll, r2r_dll, aot_exe, openapi = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]
here = os.path.dirname(os.path.abspath(__file__))
clients = {
    "petard": ["dotnet", il_dll],
    "petard-r2r": ["dotnet", r2r_dll],
    "petard-aot": [aot_exe],
    "boto3": [sys.executable, os.path.join(here, "cold_boto3.py")],
}
aws = ["/usr/bin/aws", "--endpoint-url", url, "--region", "us-east-1", "--output", "json", "apigateway"]
cli_three = [
    aws + ["get-rest-api", "--rest-api-id", api],
    aws + ["get-stage", "--rest-api-id", api, "--stage-name", "cold"],
    aws + ["get-deployments", "--rest-api-id", api],
]


def run(argv):
    """Runs one process; returns (wall ms, cpu ms, {span: ms})."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    wall = (time.perf_counter() - start) * 1000
    # communicate() reaped the child: its rusage is in RUSAGE_CHILDREN, read as a delta by the caller.
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {err.decode()}")
    spans = dict((k, float(v)) for k, v in (kv.split("=") for kv in out.decode().split()))
    return wall, spans


def cpu_ms():
    # getrusage, not os.times: times() counts in clock ticks (10 ms), too coarse for a Native AOT process.
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1000


PETARDS = ("petard", "petard-r2r", "petard-aot")
samples = {}
run(clients["petard-aot"] + ["deploy", url, openapi])  # the first deploy creates the API and its stage: not measured


def add(key, value):
    samples.setdefault(key, []).append(value)


for _ in range(runs):
    for name, argv in clients.items():
        for mode in ("three", "first", "steady", "list"):
            before = cpu_ms()
            wall, spans = run(argv + [mode, url, api])
            add((name, mode, "wall"), wall)
            add((name, mode, "cpu"), cpu_ms() - before)
            for k, v in spans.items():
                add((name, mode, k), v)
            if mode == "first":
                add((name, mode, "createAndFirst"), spans["create"] + spans["firstCall"])
                add((name, mode, "createAndFirstCpu"), spans["createCpu"] + spans["firstCallCpu"])
    for name in PETARDS:
        # An unchanged deploy of an OpenAPI file (PetardDeployer, what the MSBuild task runs, without MSBuild): reads only.
        before = cpu_ms()
        wall, spans = run(clients[name] + ["deploy", url, openapi])
        add((name, "deploy", "wall"), wall)
        add((name, "deploy", "cpu"), cpu_ms() - before)
        add((name, "deploy", "deploy"), spans["deploy"])
        _, spans = run(clients[name] + ["spans", url, api])
        for k, v in spans.items():
            add((name, "spans", k), v)
    before = cpu_ms()
    start = time.perf_counter()
    for argv in cli_three:
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    add(("aws-cli", "three", "wall"), (time.perf_counter() - start) * 1000)
    add(("aws-cli", "three", "cpu"), cpu_ms() - before)


def m(name, mode, what):
    return statistics.median(samples[(name, mode, what)])


def row(label, key, unit="ms", digits=0):
    mode, what = key
    ours, b = [m(name, mode, what) for name in PETARDS], m("boto3", mode, what)
    fmt = f"{{:.{digits}f}}"
    cells = [fmt.format(v) for v in ours] + [fmt.format(b)] + [f"{b / v:.2f}" if v > 0 else "–" for v in ours]
    print(f"| {label} | " + " | ".join(cells) + " |")


print(f"Medians of {runs} fresh processes each, interleaved; boto3 / Petard ratios (higher is better for Petard).")
print()
print("| what (ms) | Petard (IL) | Petard (ReadyToRun publish) | Petard (Native AOT) | boto3 | ratio IL | ratio R2R | ratio AOT |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
row("start to three answered calls, wall (whole process)", ("three", "wall"))
row("start to three answered calls, CPU (whole process)", ("three", "cpu"))
row("first call after Create, wall", ("first", "firstCall"), digits=1)
row("first call after Create, CPU", ("first", "firstCallCpu"), digits=1)
row("Create (`boto3.client` for boto3), wall", ("first", "create"), digits=1)
row("Create + first call, wall", ("first", "createAndFirst"), digits=1)
row("Create + first call, CPU", ("first", "createAndFirstCpu"), digits=1)
row("second call, wall", ("first", "secondCall"), digits=2)
row("200 GetRestApi after 20 warm-up calls, wall", ("steady", "total"), digits=1)
row("200 GetRestApi after 20 warm-up calls, CPU", ("steady", "totalCpu"), digits=1)
row("listing 1,000 resources, pages of 100 (after Create), wall", ("list", "list"), digits=1)
row("listing 1,000 resources, pages of 100 (after Create), CPU", ("list", "listCpu"), digits=1)
row("listing 1,000 resources: whole process, wall", ("list", "wall"))
row("listing 1,000 resources: whole process, CPU", ("list", "cpu"))
print()
print("An unchanged deploy of the sample's openapi.yaml in a fresh process (`deploy` mode: Create, then DeployApiAsync; reads only), median ms:")
print()
print("| what (ms) | Petard (IL) | Petard (ReadyToRun publish) | Petard (Native AOT) |")
print("|---|---:|---:|---:|")
for label, what in (("whole process, wall", "wall"), ("whole process, CPU", "cpu"), ("Create + DeployApiAsync, wall", "deploy")):
    print(f"| {label} | " + " | ".join(f"{m(name, 'deploy', what):.0f}" for name in PETARDS) + " |")
cli = m("aws-cli", "three", "wall")
print()
print(f"AWS CLI, the three calls as three processes: {cli:.0f} ms wall, {m('aws-cli', 'three', 'cpu'):.0f} ms CPU; "
      f"ratio to Petard's three calls (wall): IL {cli / m('petard', 'three', 'wall'):.2f}, ReadyToRun {cli / m('petard-r2r', 'three', 'wall'):.2f}, "
      f"Native AOT {cli / m('petard-aot', 'three', 'wall'):.2f}.")
print()
print("Where a fresh Petard process's first call goes (median CPU ms of `spans`, each part first in its process):")
print()
print("| part | Petard (IL) CPU ms | Petard (ReadyToRun) CPU ms | Petard (Native AOT) CPU ms |")
print("|---|---:|---:|---:|")
for key in [k for (n, mode, k) in samples if n == "petard" and mode == "spans" and (k.endswith("Cpu") or k == "cpuBeforeMain")]:
    print(f"| {key} | " + " | ".join(f"{m(name, 'spans', key):.1f}" for name in PETARDS) + " |")
