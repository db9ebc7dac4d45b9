#!/usr/bin/env bash
# The wall time of `dotnet build -t:DeployApi` on the already-built sample, with no change and with
# a changed openapi.yaml, against the same steps done by hand with the AWS CLI (put-rest-api,
# create-deployment, update-stage), both against the local emulator, in one run; and the deploy-only
# command for CI after a separate build step (`dotnet msbuild -t:PetardDeployApi`). Reports the
# PetardDeployApi targets' own time (-clp:PerformanceSummary) beside the wall times, and the floor
# MSBuild sets (`dotnet build --no-restore` of the up-to-date project). Writes the table into
# docs/deploy-benchmark.md.
#   bench/deploy-vs-cli.sh [RUNS]      (default 5 runs of each; the median is reported)
# Needs the .NET SDK and the AWS CLI at /usr/bin/aws. Uses a free port on 127.0.0.1 and temp folders.
set -euo pipefail

RUNS="${1:-5}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/petard-deploy-bench.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
ENDPOINT="http://127.0.0.1:${PORT}"
VERSION="0.1.0-bench$(date +%s)"
GATEWAY_PID=""

cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A user's shell: no machine AWS config, dummy keys for the CLI, its own package folder.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$WORK/nuget-packages"
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials" AWS_PAGER=""
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"
unset AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_API_GATEWAY AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN || true

echo "Packing Petard.Build $VERSION and starting the emulator on $ENDPOINT ..."
dotnet build "$REPO/src/Petard.LocalGateway" -c Release --nologo -v:q >/dev/null
dotnet pack "$REPO/src/Petard.Build" -c Release -o "$WORK/artifacts/packages" -p:Version="$VERSION" --nologo -v:q >/dev/null
# The same package without ReadyToRun, deployed from a second copy of the sample: the JIT's share of the target's time.
VERSION_IL="$VERSION-il"
dotnet pack "$REPO/src/Petard.Build" -c Release -o "$WORK/artifacts/packages" -p:Version="$VERSION_IL" -p:PetardReadyToRun=false --nologo -v:q >/dev/null
mkdir -p "$WORK/samples"
cp -r "$REPO/samples/HelloApi" "$WORK/samples/HelloApi"
rm -rf "$WORK/samples/HelloApi/bin" "$WORK/samples/HelloApi/obj"
SAMPLE="$WORK/samples/HelloApi"
cp -r "$SAMPLE" "$WORK/samples/HelloApiIL"
SAMPLE_IL="$WORK/samples/HelloApiIL"
dotnet "$REPO/src/Petard.LocalGateway/bin/Release/net10.0/Petard.LocalGateway.dll" --port "$PORT" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null "$ENDPOINT/" && break; sleep 0.2; done

# Build servers off: every build is a fresh MSBuild process, as in CI, and nothing is left running.
deploy() { dotnet build "$SAMPLE" -t:DeployApi --disable-build-servers -p:PetardEndpointUrl="$ENDPOINT" -p:PetardBuildVersion="$VERSION" -p:NuGetAudit=false --nologo -v:m "$@"; }
# The deploy-only command for CI, after a separate `dotnet build` step: no restore, no build, the deploy alone.
deploy_only() { dotnet msbuild "$SAMPLE" -t:PetardDeployApi -nr:false -p:PetardEndpointUrl="$ENDPOINT" -p:PetardBuildVersion="$VERSION" -p:NuGetAudit=false -nologo -v:m "$@"; }
deploy_only_il() { dotnet msbuild "$SAMPLE_IL" -t:PetardDeployApi -nr:false -p:PetardEndpointUrl="$ENDPOINT" -p:PetardBuildVersion="$VERSION_IL" -p:NuGetAudit=false -nologo -v:m "$@"; }
build_only() { dotnet build "$SAMPLE" --no-restore --disable-build-servers -p:PetardBuildVersion="$VERSION" -p:NuGetAudit=false --nologo -v:m "$@"; }
# The Petard targets' own time in a -clp:PerformanceSummary log (exclusive times of every Petard target, summed).
petard_ms() { awk '/Target Performance Summary/ {t=1} /Task Performance Summary/ {t=0} t && $3 ~ /Petard/ {s+=$1} END {print s+0}' "$1"; }
aws_gw() { AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret /usr/bin/aws --endpoint-url "$ENDPOINT" --region us-east-1 --output text apigateway "$@"; }
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
change_openapi() { sed -i "s/^  description: .*/  description: The Petard.Build sample API, change $1./" "$SAMPLE/openapi.yaml"; }

echo "First deploy (restore, build, create the API) ..."
deploy >"$WORK/first.log"
API_ID="$(aws_gw get-rest-apis --query "items[?name=='HelloApi'].id | [0]")"
deploy >/dev/null   # settles incremental build state
dotnet build "$SAMPLE_IL" --disable-build-servers -p:PetardBuildVersion="$VERSION_IL" -p:NuGetAudit=false --nologo -v:q >/dev/null

unchanged=(); changed=(); cli=(); only=(); only_il=(); only_il_target=(); floor=(); unchanged_target=(); only_target=(); changed_target=()
for i in $(seq "$RUNS"); do
  start=$(now); deploy -clp:PerformanceSummary >"$WORK/unchanged.log"; end=$(now)
  unchanged+=("$(echo "$end - $start" | bc)"); unchanged_target+=("$(petard_ms "$WORK/unchanged.log")")

  start=$(now); deploy_only -clp:PerformanceSummary >"$WORK/only.log"; end=$(now)
  only+=("$(echo "$end - $start" | bc)"); only_target+=("$(petard_ms "$WORK/only.log")")

  cp "$SAMPLE/openapi.yaml" "$SAMPLE_IL/openapi.yaml"
  start=$(now); deploy_only_il -clp:PerformanceSummary >"$WORK/only-il.log"; end=$(now)
  only_il+=("$(echo "$end - $start" | bc)"); only_il_target+=("$(petard_ms "$WORK/only-il.log")")

  start=$(now); build_only >"$WORK/build.log"; end=$(now)
  floor+=("$(echo "$end - $start" | bc)")

  change_openapi "msbuild-$i"
  start=$(now); deploy -clp:PerformanceSummary >"$WORK/changed.log"; end=$(now)
  changed+=("$(echo "$end - $start" | bc)"); changed_target+=("$(petard_ms "$WORK/changed.log")")

  change_openapi "cli-$i"
  start=$(now)
  aws_gw put-rest-api --rest-api-id "$API_ID" --mode overwrite --body "fileb://$SAMPLE/openapi.yaml" >/dev/null
  DEPLOYMENT_ID="$(aws_gw create-deployment --rest-api-id "$API_ID" --query id)"
  aws_gw update-stage --rest-api-id "$API_ID" --stage-name dev --patch-operations "op=replace,path=/deploymentId,value=$DEPLOYMENT_ID" >/dev/null
  end=$(now)
  cli+=("$(echo "$end - $start" | bc)")

  deploy >/dev/null   # the stage points at the CLI's deployment: make the next run's state Petard's again
done
grep -q "up to date" "$WORK/unchanged.log" || { echo "the unchanged deploy was not up to date:"; cat "$WORK/unchanged.log"; exit 1; }
grep -q "up to date" "$WORK/only.log" || { echo "the deploy-only run was not up to date:"; cat "$WORK/only.log"; exit 1; }
grep -q "up to date" "$WORK/only-il.log" || { echo "the deploy-only run (IL package) was not up to date:"; cat "$WORK/only-il.log"; exit 1; }

U=$(printf '%s\n' "${unchanged[@]}" | median)
C=$(printf '%s\n' "${changed[@]}" | median)
A=$(printf '%s\n' "${cli[@]}" | median)
O=$(printf '%s\n' "${only[@]}" | median)
OI=$(printf '%s\n' "${only_il[@]}" | median); OIT=$(printf '%s\n' "${only_il_target[@]}" | median)
ROI=$(printf '%.2f' "$(echo "scale=4; $OI / $A" | bc)"); OI=$(printf '%.2f' "$OI")
F=$(printf '%s\n' "${floor[@]}" | median)
UT=$(printf '%s\n' "${unchanged_target[@]}" | median); CT=$(printf '%s\n' "${changed_target[@]}" | median); OT=$(printf '%s\n' "${only_target[@]}" | median)
RU=$(printf '%.2f' "$(echo "scale=4; $U / $A" | bc)"); RC=$(printf '%.2f' "$(echo "scale=4; $C / $A" | bc)")
RO=$(printf '%.2f' "$(echo "scale=4; $O / $A" | bc)"); RF=$(printf '%.2f' "$(echo "scale=4; $F / $A" | bc)")
U=$(printf '%.2f' "$U"); C=$(printf '%.2f' "$C"); A=$(printf '%.2f' "$A"); O=$(printf '%.2f' "$O"); F=$(printf '%.2f' "$F")

cat > "$REPO/docs/deploy-benchmark.md" <<MD
# Deploy benchmark: \`dotnet build -t:DeployApi\` vs the AWS CLI

Measured by \`bench/deploy-vs-cli.sh $RUNS\` on $(date -u +%Y-%m-%d) ($(nproc) cores, .NET SDK $(dotnet --version),
$(/usr/bin/aws --version 2>&1 | cut -d' ' -f1)), both against the local emulator on loopback; median of $RUNS runs each, in one run.
Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores).

| What | Wall time (s) | Ratio to the AWS CLI steps | Petard targets' own time (ms, \`-clp:PerformanceSummary\`) |
| --- | --- | --- | --- |
| \`dotnet build -t:DeployApi\`, already built, **no change** (reads only: GetRestApis, GetStage, GetDeployment) | $U | $RU | $UT |
| \`dotnet build -t:DeployApi\`, already built, **openapi.yaml changed** (PutRestApi, CreateDeployment, UpdateStage) | $C | $RC | $CT |
| \`dotnet msbuild -t:PetardDeployApi\` (deploy only, after a separate build step), **no change** | $O | $RO | $OT |
| the same with the IL package (\`PetardReadyToRun=false\` at pack), **no change** | $OI | $ROI | $OIT |
| \`dotnet build --no-restore\` of the up-to-date project, no deploy: the floor MSBuild sets | $F | $RF | – |
| AWS CLI: \`put-rest-api\` + \`create-deployment\` + \`update-stage\` (three processes) | $A | 1.00 | – |

The build includes what a user's command includes: MSBuild start, restore and incremental build
checks, and the deploy itself, whose tasks run in MSBuild's own process (docs/task-host.md) from
the package's ReadyToRun assemblies. Build servers are off
(\`--disable-build-servers\`, \`-nr:false\`), so every run is a fresh MSBuild process as in CI; with node reuse on
a developer's machine the build is faster. The CLI steps have no change detection: they write every
time, where the unchanged deploy writes nothing. The machine was shared with other work while
measuring: read the ratios, not the absolute times.

The IL row's sample is given the changed openapi.yaml each round, so its deploy also reads the file
in full (obj/'s memory of an unchanged file misses there); the ReadyToRun rows' unchanged deploys
skip that (docs/benchmarks.md, the cold path).
MD
cat "$REPO/docs/deploy-benchmark.md"
