#!/usr/bin/env bash
# The EPP request-path load figures (issue 8): the EPP from its runnable layout and a do-nothing
# ext_proc echo server, each driven by the load generator in its own JVM on loopback, with 100
# static endpoints whose vLLM /metrics (~8 KB) the EPP scrapes every 50 ms.
#
# Usage: bench/scripts/epp-vs-echo.sh [DURATION] [WARMUP] [ROUNDS] [OUT_DIR]
#   (defaults: 30s 60s 1 bench/target/epp-vs-echo)
# Both servers start once. ROUNDS times, each case runs against the EPP and right after against
# the echo server: 2 KB chat bodies at concurrency 64, 220 KB at concurrency 1, 220 KB at
# concurrency 32, each WARMUP then DURATION measured. The warm-up is long because each case starts
# a fresh load-generator JVM and, on two shared cores, the JITs of both JVMs need about a minute
# to compile the request path (throughput climbs for 60–100 s). The server not under load is stopped
# (SIGSTOP), so neither the EPP's scraping nor the echo server takes CPU from the other's run.
# Summaries go to OUT_DIR/<round>-<target>-<case>.txt. Needs Maven; picks a JDK 21+ from
# /usr/lib/jvm as the build does.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
WARMUP=${2:-60s}
ROUNDS=${3:-1}
OUT=${4:-bench/target/epp-vs-echo}
mkdir -p "$OUT"
source bench/scripts/lib.sh
build_and_find_java
start_metrics_servers "$OUT/endpoints.yaml"

EPP_URL=grpc://127.0.0.1:9002
ECHO_URL=grpc://127.0.0.1:9302

loadgen() {
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.inferencegateway.bench.loadgen.LoadGenMain \
    --no-progress "$@"
}

only() {
  local run=$1 stop=$2
  kill -STOP "$stop"
  kill -CONT "$run"
}

"$JAVA" --enable-native-access=ALL-UNNAMED -Xlog:gc:file="$OUT/epp-gc.log" -cp 'epp-server/target/app/lib/*' \
  dev.inferencegateway.epp.server.EppMain --endpoints-file "$OUT/endpoints.yaml" \
  --secure-serving=false --metrics-endpoint-auth=false --grpc-port 9002 --grpc-health-port 9003 \
  --metrics-port 9090 >"$OUT/epp.log" 2>&1 &
epp=$!; pids+=("$epp")
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.inferencegateway.bench.loadgen.EchoExtProcServer \
  --port 9302 >"$OUT/echo.log" 2>&1 &
echo_server=$!; pids+=("$echo_server")
wait_port 9002
wait_port 9302
cleanup_stopped() { kill -CONT "$epp" "$echo_server" 2>/dev/null || true; cleanup; }
trap cleanup_stopped EXIT

for round in $(seq 1 "$ROUNDS"); do
  for spec in 2KB:64 220KB:1 220KB:32; do
    size=${spec%:*}; concurrency=${spec#*:}
    for target in epp echo; do
      if [ "$target" = epp ]; then only "$epp" "$echo_server"; url=$EPP_URL; else only "$echo_server" "$epp"; url=$ECHO_URL; fi
      name="$round-$target-$size-c$concurrency"
      loadgen --url "$url" --body-size "$size" --concurrency "$concurrency" --duration "$DURATION" \
        --warmup "$WARMUP" >"$OUT/$name.txt"
      echo "== $name"; grep -E "^(throughput|e2e|epp) " "$OUT/$name.txt"
    done
  done
done
