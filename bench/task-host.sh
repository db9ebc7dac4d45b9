#!/usr/bin/env bash
# Where should `dotnet build` run the Petard tasks: in the build's own process (the default) or in a
# task host process of their own (-p:PetardTaskHost=true)? Measures, with the packed package on the
# HelloApi sample against the local emulator, in one run:
#   1. the time of the deploy target (-clp:PerformanceSummary) and of the whole build, unchanged API,
#      median of RUNS builds of each mode;
#   2. what a killed build leaves behind: a build whose deploy waits on an endpoint that never
#      answers is killed (SIGKILL, then SIGTERM); the endpoint reports how long the deploy's
#      connection stayed open after the kill, and `ps` whether an MSBuild process outlived it.
# Writes nothing into the repository; docs/task-host.md has the results and the decision.
#   bench/task-host.sh [RUNS]      (default 5)
set -euo pipefail

RUNS="${1:-5}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/petard-task-host-bench.XXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
ENDPOINT="http://127.0.0.1:${PORT}"
VERSION="0.1.0-taskhost$(date +%s)"
GATEWAY_PID=""

cleanup() {
  if [[ -n "$GATEWAY_PID" ]]; then kill "$GATEWAY_PID" 2>/dev/null || true; wait "$GATEWAY_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$WORK/nuget-packages"
export AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials"
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"
unset AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_API_GATEWAY AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN || true

echo "Packing Petard.Build $VERSION and starting the emulator on $ENDPOINT ..."
dotnet build "$REPO/src/Petard.LocalGateway" -c Release --nologo -v:q >/dev/null
dotnet pack "$REPO/src/Petard.Build" -c Release -o "$WORK/artifacts/packages" -p:Version="$VERSION" --nologo -v:q >/dev/null
mkdir -p "$WORK/samples"
cp -r "$REPO/samples/HelloApi" "$WORK/samples/HelloApi"
rm -rf "$WORK/samples/HelloApi/bin" "$WORK/samples/HelloApi/obj"
SAMPLE="$WORK/samples/HelloApi"
dotnet "$REPO/src/Petard.LocalGateway/bin/Release/net10.0/Petard.LocalGateway.dll" --port "$PORT" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 50); do curl -s -o /dev/null "$ENDPOINT/" && break; sleep 0.2; done

deploy() { dotnet build "$SAMPLE" -t:DeployApi --disable-build-servers -p:PetardBuildVersion="$VERSION" -p:NuGetAudit=false --nologo "$@"; }
now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

deploy -p:PetardEndpointUrl="$ENDPOINT" -v:m >"$WORK/first.log"   # restore, build, create the API

if (( RUNS > 0 )); then
echo
echo "| Mode | Deploy target, median ms | Whole build, median s |"
echo "| --- | ---: | ---: |"
for mode in in-process task-host; do
  flag=(); [[ "$mode" == task-host ]] && flag=(-p:PetardTaskHost=true)
  targets=(); totals=()
  for _ in $(seq "$RUNS"); do
    start=$(now)
    deploy -p:PetardEndpointUrl="$ENDPOINT" "${flag[@]}" -v:m -tl:off -clp:PerformanceSummary >"$WORK/run.log"
    end=$(now)
    totals+=("$(echo "$end - $start" | bc)")
    targets+=("$(awk '/Target Performance Summary/ {t=1} t && $3 == "_PetardDeployApi" {print $1; exit}' "$WORK/run.log")")
  done
  echo "| $mode | $(printf '%s\n' "${targets[@]}" | median) | $(printf '%s\n' "${totals[@]}" | median) |"
done
fi

# The processes whose environment carries the mark (MSBuild's worker nodes are nodemode:1, task hosts nodemode:2).
marked() {
  for environ in /proc/[0-9]*/environ; do
    if { tr '\0' '\n' <"$environ"; } 2>/dev/null | grep -qx "PETARD_BENCH_MARK=$1"; then
      pid="${environ#/proc/}"; echo "${pid%/environ}"
    fi
  done
}

# An endpoint that accepts, never answers, and reports how long the connection stayed open after
# the build was killed (the file $WORK/killed-at holds the moment of the kill).
cat >"$WORK/silent.py" <<'EOF'
import socket, sys, time, os
server = socket.socket(); server.bind(("127.0.0.1", int(sys.argv[1]))); server.listen()
print("listening", flush=True)
conn, _ = server.accept(); conn.recv(65536)
print("request", flush=True)
conn.settimeout(60)
try:
    while conn.recv(65536): pass
    outcome = "closed"
except socket.timeout:
    outcome = "still open after 60 s"
killed = float(open(sys.argv[2]).read()) if os.path.exists(sys.argv[2]) else time.time()
print(f"connection {outcome}, {time.time() - killed:.1f} s after the kill", flush=True)
EOF

echo
echo "| Mode | Signal | Deploy's connection after the kill | MSBuild processes left 5 s after the kill |"
echo "| --- | --- | --- | --- |"
# in-process-worker: the project builds on one of MSBuild's worker nodes (as projects of a solution
# built with -m do), forced here with MSBUILDNOINPROCNODE=1.
for mode in in-process in-process-worker task-host; do
  for signal in KILL TERM; do
    flag=(); [[ "$mode" == task-host ]] && flag=(-p:PetardTaskHost=true)
    worker=""; [[ "$mode" == in-process-worker ]] && worker=1
    silent_port="$(free_port)"; rm -f "$WORK/killed-at"
    python3 "$WORK/silent.py" "$silent_port" "$WORK/killed-at" >"$WORK/silent.log" 2>&1 &
    silent_pid=$!
    until grep -q listening "$WORK/silent.log"; do sleep 0.1; done
    # Every process of this build (MSBuild nodes, task hosts) inherits the mark, so none is confused
    # with another build running on the machine at the same time.
    mark="petard-bench-$mode-$signal-$$"
    (export PETARD_BENCH_MARK="$mark"; [[ -n "$worker" ]] && export MSBUILDNOINPROCNODE=1; exec dotnet build "$SAMPLE" -t:DeployApi --disable-build-servers -p:PetardBuildVersion="$VERSION" -p:NuGetAudit=false --nologo \
      -p:PetardEndpointUrl="http://127.0.0.1:$silent_port" "${flag[@]}" -v:q) >/dev/null 2>&1 &
    build_pid=$!
    until grep -q request "$WORK/silent.log"; do sleep 0.1; done
    date +%s.%N >"$WORK/killed-at"
    # The dotnet process alone, as a CI runner's timeout kills the job's process (not its process group).
    kill -"$signal" "$build_pid"; wait "$build_pid" 2>/dev/null || true
    sleep 5
    pids="$(marked "$mark")"
    left=""; for pid in $pids; do left+="$pid ($({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -o 'nodemode:[0-9]' || echo gone)) "; done
    wait "$silent_pid" || true
    echo "| $mode | SIG$signal | $(tail -1 "$WORK/silent.log") | ${left:-none} |"
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  done
done
