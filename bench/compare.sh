#!/usr/bin/env bash
# Side by side, against one running Petard.LocalGateway: N GetRestApi calls and one paginated
# listing of every resource of a 1,000-resource API, through
#   (a) Petard's client (one process, timed inside it),
#   (b) boto3 (Debian python3-boto3; one process, timed inside it),
#   (c) the AWS CLI v2 (/usr/bin/aws; one process per call, as build scripts use it).
# Prints a Markdown table with ratios to Petard's client.
# Per-call times come twice: cold (the first CALLS calls of a fresh process, as a build step makes
# them) and steady (CALLS calls after WARMUP more, once .NET's JIT has settled).
# usage: bench/compare.sh [CALLS=200] [RESOURCES=1000] [CLI_CALLS=20] [WARMUP=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${1:-200}
RESOURCES=${2:-1000}
CLI_CALLS=${3:-20}
WARMUP=${4:-20000}
AWS=/usr/bin/aws
[ -x "$AWS" ] || { echo "needs the AWS CLI: apt-get install awscli" >&2; exit 1; }
python3 -c 'import boto3' 2>/dev/null || { echo "needs boto3: apt-get install python3-boto3" >&2; exit 1; }

dotnet build -c Release -v q -nologo bench/Petard.Benchmarks >/dev/null
work=$(mktemp -d)
trap 'kill "$gw" "$st" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet src/Petard.LocalGateway/bin/Release/net10.0/Petard.LocalGateway.dll --port 0 >"$work/gw.log" 2>&1 &
gw=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/gw.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$work/gw.log" | head -1)
[ -n "$url" ] || { cat "$work/gw.log" >&2; exit 1; }
# A static responder isolates client cost: the same canned GetRestApi answer, no server work.
dotnet bench/Petard.Benchmarks/bin/Release/net10.0/Petard.Benchmarks.dll serve-static >"$work/st.log" 2>&1 &
st=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/st.log" && break; sleep 0.1; done
static_url=$(grep -o 'http://[0-9.:]*/' "$work/st.log" | head -1)

export AWS_ACCESS_KEY_ID=AKIDBENCHMARK AWS_SECRET_ACCESS_KEY=bench-secret AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
touch "$AWS_CONFIG_FILE" "$AWS_SHARED_CREDENTIALS_FILE"

ours=$(dotnet bench/Petard.Benchmarks/bin/Release/net10.0/Petard.Benchmarks.dll compare --endpoint "$url" --calls "$CALLS" --warmup "$WARMUP" --resources "$RESOURCES" --static "$static_url")
api=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["restApiId"])' "$ours")

boto=$(python3 - "$url" "$api" "$CALLS" "$static_url" "$WARMUP" <<'PY'
import json, sys, time
import boto3
url, api, calls, static_url, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
def per_call_ms(client, rest_api_id, warmup=warmup):
    for _ in range(warmup):
        client.get_rest_api(restApiId=rest_api_id)
    t = time.perf_counter()
    for _ in range(calls):
        client.get_rest_api(restApiId=rest_api_id)
    return (time.perf_counter() - t) * 1000 / calls
c = boto3.client("apigateway", endpoint_url=url, region_name="us-east-1")
cold = per_call_ms(c, api, warmup=0)
per_call = per_call_ms(c, api)
per_call_static = per_call_ms(boto3.client("apigateway", endpoint_url=static_url, region_name="us-east-1"), "a1b2c3d4e5")
t = time.perf_counter()
n = sum(len(p.get("items", [])) for p in c.get_paginator("get_resources").paginate(restApiId=api, PaginationConfig={"PageSize": 500}))
print(json.dumps({"coldMs": round(cold, 3), "perCallMs": round(per_call, 3), "perCallStaticMs": round(per_call_static, 3), "listed": n, "listMs": round((time.perf_counter() - t) * 1000, 1)}))
PY
)

t0=$(date +%s%N)
for _ in $(seq "$CLI_CALLS"); do "$AWS" --endpoint-url "$url" apigateway get-rest-api --rest-api-id "$api" --output json >/dev/null; done
cli_call=$(( ($(date +%s%N) - t0) / CLI_CALLS / 1000 ))
t0=$(date +%s%N)
cli_listed=$("$AWS" --endpoint-url "$url" apigateway get-resources --rest-api-id "$api" --page-size 500 --output json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
cli_list=$(( ($(date +%s%N) - t0) / 1000 ))

python3 - "$ours" "$boto" "$cli_call" "$cli_listed" "$cli_list" "$CALLS" "$CLI_CALLS" <<'PY'
import json, sys
ours, boto = json.loads(sys.argv[1]), json.loads(sys.argv[2])
cli_call, cli_listed, cli_list = int(sys.argv[3]) / 1000, int(sys.argv[4]), int(sys.argv[5]) / 1000
calls, cli_calls = sys.argv[6], sys.argv[7]
print(f"| client | GetRestApi, first {calls} calls (ms/call) | ratio | GetRestApi, steady (ms/call) | ratio | list {ours['listed']} resources (ms) | ratio |")
print("|---|---:|---:|---:|---:|---:|---:|")
print(f"| Petard client (1 process) | {ours['coldMs']:.3f} | 1.0 | {ours['perCallMs']:.3f} | 1.0 | {ours['listMs']:.1f} | 1.0 |")
print(f"| boto3 (1 process) | {boto['coldMs']:.3f} | {boto['coldMs']/ours['coldMs']:.1f} | {boto['perCallMs']:.3f} | {boto['perCallMs']/ours['perCallMs']:.1f} | {boto['listMs']:.1f} | {boto['listMs']/ours['listMs']:.1f} |")
print(f"| AWS CLI (1 process per call, {cli_calls} calls) | {cli_call:.1f} | {cli_call/ours['coldMs']:.0f} | {cli_call:.1f} | {cli_call/ours['perCallMs']:.0f} | {cli_list:.1f} | {cli_list/ours['listMs']:.1f} |")
print()
print(f"Against the static responder (client cost alone, steady): Petard {ours['perCallStaticMs']:.3f} ms, boto3 {boto['perCallStaticMs']:.3f} ms per GetRestApi, ratio {boto['perCallStaticMs']/ours['perCallStaticMs']:.1f}.")
print()
print(f"Items listed: Petard {ours['listed']}, boto3 {boto['listed']}, AWS CLI {cli_listed}.")
print(f"Petard's peak live managed heap (whole process, after a forced GC every 50 items) while listing with pages of 500: {ours['listPeakLiveKiBQuarter']} KiB for {ours['listedQuarter']} resources, {ours['listPeakLiveKiB']} KiB for {ours['listed']}.")
PY
