#!/usr/bin/env bash
# Cold path (issue 16): every measurement a fresh process, as a build step is, side by side with
# boto3 and the AWS CLI in one run against one Petard.LocalGateway on loopback. Medians of RUNS.
#   bench/cold.sh [RUNS=5]
# Petard runs three times: as built (IL, what `dotnet run` of an app gives), published ReadyToRun
# (`dotnet publish -r linux-x64 -p:PublishReadyToRun=true`, what an app or the Petard.Build package ships)
# and published Native AOT (`dotnet publish -r linux-x64 -p:PublishAot=true`, what a CLI tool on Petard.Core can ship).
# Needs /usr/bin/aws (Debian awscli), boto3 (python3-boto3), and for Native AOT gcc and zlib1g-dev. Prints Markdown to paste in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
[ -x /usr/bin/aws ] || { echo "needs the AWS CLI: apt-get install awscli" >&2; exit 1; }
python3 -c 'import boto3' 2>/dev/null || { echo "needs boto3: apt-get install python3-boto3" >&2; exit 1; }

work=$(mktemp -d)
gw=""
trap '[ -n "$gw" ] && kill "$gw" 2>/dev/null; rm -rf "$work"' EXIT
dotnet build -c Release -v q -nologo src/Petard.LocalGateway >/dev/null
dotnet build -c Release -v q -nologo bench/Petard.ColdStart >/dev/null
dotnet publish -c Release -v q -nologo -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" bench/Petard.ColdStart >/dev/null
dotnet publish -c Release -v q -nologo -r linux-x64 -p:PublishAot=true -o "$work/aot" bench/Petard.ColdStart >/dev/null

dotnet src/Petard.LocalGateway/bin/Release/net10.0/Petard.LocalGateway.dll --port 0 >"$work/gw.log" 2>&1 &
gw=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/gw.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$work/gw.log" | head -1)
[ -n "$url" ] || { cat "$work/gw.log" >&2; exit 1; }

# A CI runner's shell: keys in the environment, no shared files.
export AWS_ACCESS_KEY_ID=AKIDCOLDBENCH AWS_SECRET_ACCESS_KEY=cold-bench-secret AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
touch "$AWS_CONFIG_FILE" "$AWS_SHARED_CREDENTIALS_FILE"

api=$(dotnet bench/Petard.ColdStart/bin/Release/net10.0/Petard.ColdStart.dll seed "$url" 1000)
echo "Measured on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 bench/cold_runner.py "$url" "$api" "$RUNS" bench/Petard.ColdStart/bin/Release/net10.0/Petard.ColdStart.dll "$work/r2r/Petard.ColdStart.dll" "$work/aot/Petard.ColdStart" samples/HelloApi/openapi.yaml
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
