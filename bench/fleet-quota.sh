#!/usr/bin/env bash
# A CI fleet on one machine against the service's CreateDeployment quota: BUILDS separate
# `dotnet msbuild -t:DeployApi` processes, each deploying its own API (first deploy: import,
# deployment, stage), started at once against one Petard.LocalGateway that answers 429 to a
# CreateDeployment less than 5 s after the previous one (the service's quota). Run twice: with
# PetardPacing=true (the machine-wide CreateDeployment slot) and with PetardPacing=false (retries
# only, what every build on loopback did before). Prints one Markdown row per run: builds succeeded,
# wall time, CreateDeployment requests and 429s, APIs and deployments per API, 5xx answered (from
# the emulator's request log).
#   bench/fleet-quota.sh [BUILDS=10] [QUOTA_SECONDS=5]
# Needs the .NET SDK; uses free ports on 127.0.0.1 and a temp folder.
set -euo pipefail

BUILDS="${1:-10}"
QUOTA="${2:-5}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/petard-fleet-bench.XXXXXX)"
GATEWAY_PID=""

cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
unset AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_API_GATEWAY AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN || true

echo "Building Petard.LocalGateway and Petard.Build (Release) ..." >&2
dotnet build "$REPO/src/Petard.LocalGateway" -c Release --nologo -v:q >/dev/null
dotnet build "$REPO/src/Petard.Build" -c Release --nologo -v:q >/dev/null
TASKS="$REPO/src/Petard.Build/bin/Release/net10.0/Petard.Build.dll"
BUILD_DIR="$REPO/src/Petard.Build/build"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

write_project() { # folder index endpoint pacing
  local folder="$1" i="$2" endpoint="$3" pacing="$4"
  cat > "$folder/api$i.json" <<JSON
{ "openapi": "3.0.1", "info": { "title": "fleet$i", "version": "1.0" },
  "paths": { "/pets": { "get": { "responses": { "200": { "description": "ok" } },
    "x-amazon-apigateway-integration": { "type": "mock", "requestTemplates": { "application/json": "{\"statusCode\": 200}" }, "responses": { "default": { "statusCode": "200" } } } } } } }
JSON
  cat > "$folder/build$i.proj" <<XML
<Project>
  <Import Project="$BUILD_DIR/Petard.Build.props" />
  <PropertyGroup>
    <PetardTasksAssembly>$TASKS</PetardTasksAssembly>
    <PetardRestApiName>fleet$i</PetardRestApiName>
    <PetardStageName>dev</PetardStageName>
    <PetardOpenApiFile>api$i.json</PetardOpenApiFile>
    <PetardEndpointUrl>$endpoint</PetardEndpointUrl>
    <PetardPacing>$pacing</PetardPacing>
  </PropertyGroup>
  <Target Name="Build" />
  <Import Project="$BUILD_DIR/Petard.Build.targets" />
</Project>
XML
}

run_fleet() { # pacing
  local pacing="$1" port endpoint folder
  port="$(free_port)"; endpoint="http://127.0.0.1:$port/"; folder="$WORK/$pacing"; mkdir -p "$folder"
  dotnet "$REPO/src/Petard.LocalGateway/bin/Release/net10.0/Petard.LocalGateway.dll" --port "$port" --create-deployment-quota "$QUOTA" >"$folder/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 100); do curl -s -o /dev/null "$endpoint" && break; sleep 0.2; done
  for i in $(seq "$BUILDS"); do write_project "$folder" "$i" "$endpoint" "$pacing"; done

  local start end pids=() ok=0
  start=$(date +%s.%N)
  for i in $(seq "$BUILDS"); do
    dotnet msbuild "$folder/build$i.proj" -t:DeployApi -nologo -nodeReuse:false -v:m >"$folder/build$i.log" 2>&1 &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do if wait "$pid"; then ok=$((ok + 1)); fi; done
  end=$(date +%s.%N)

  local calls state
  calls="$(curl -s "${endpoint}_petard/calls")"
  state="$(curl -s "${endpoint}_petard/state")"
  kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true; GATEWAY_PID=""
  local creates refused apis deployments fivexx errors
  creates="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["calls"].count("CreateDeployment"))' <<<"$calls")"
  apis="$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["restApis"]))' <<<"$state")"
  deployments="$(python3 -c 'import json,sys; s=json.load(sys.stdin)["restApis"]; print(",".join(sorted({str(len(a.get("deployments",{}))) for a in s.values()})))' <<<"$state")"
  refused="$(grep -cE '^CreateDeployment 429 [0-9]+ ms$' "$folder/gateway.log" || true)"
  fivexx="$(grep -cE ' 5[0-9][0-9] [0-9]+ ms$' "$folder/gateway.log" || true)"
  errors="$(cat "$folder"/build*.log | grep -oE 'error PETARD[0-9]+' | sort | uniq -c | awk '{printf "%s%s x%s", sep, $3, $1; sep=", "}' || true)"
  printf '| %s processes, one new API each, PetardPacing=%s | 1 per %s s | %s of %s | %.0f s | %s | %s | %s | %s | %s | %s |\n' \
    "$BUILDS" "$pacing" "$QUOTA" "$ok" "$BUILDS" "$(echo "$end - $start" | bc)" "$creates" "$refused" "$apis" "$deployments" "$fivexx" "${errors:-none}"
}

echo "| Fleet | CreateDeployment quota | Builds succeeded | Wall time | CreateDeployment requests | Refused (429) | APIs | Deployments per API | 5xx answered | Build errors |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |"
run_fleet true
run_fleet false
