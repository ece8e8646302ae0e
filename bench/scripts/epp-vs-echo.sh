#!/usr/bin/env bash
# The EPP request-path load figures (issue 8): the EPP from its runnable layout against a do-nothing
# ext_proc echo server, both driven by one load-generator JVM on loopback, with 100 static
# endpoints whose vLLM /metrics (~8 KB) the EPP scrapes every 50 ms.
#
# Usage: bench/scripts/epp-vs-echo.sh [WINDOW] [WARMUP] [WINDOWS] [OUT_DIR]
#   (defaults: 10s 60s 6 bench/target/epp-vs-echo)
# Three cases: 2 KB chat bodies at concurrency 64, 220 KB at concurrency 1, 220 KB at concurrency
# 32. For each, the load generator warms the EPP then the echo server for WARMUP each, then
# measures them in WINDOWS alternating windows of WINDOW (after 3 s of settling each), so that the
# machine's changes of speed fall on both alike; it reports the per-round and median ratios
# (LoadGenMain --versus). The server not under load is stopped (SIGSTOP), so neither the EPP's
# scraping nor the echo server takes CPU from the other's window. Summaries go to
# OUT_DIR/<case>.txt. Needs Maven; runs on the JDK 21+ that the build's toolchains pick.
set -euo pipefail
cd "$(dirname "$0")/../.."
WINDOW=${1:-10s}
WARMUP=${2:-60s}
WINDOWS=${3:-6}
OUT=${4:-bench/target/epp-vs-echo}
mkdir -p "$OUT"
source bench/scripts/lib.sh
build_and_find_java
start_metrics_servers "$OUT/endpoints.yaml"

EPP_URL=grpc://127.0.0.1:9002
ECHO_URL=grpc://127.0.0.1:9302

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

switch="if [ \"\$1\" = $EPP_URL ]; then kill -STOP $echo_server; kill -CONT $epp;"
switch+=" else kill -STOP $epp; kill -CONT $echo_server; fi"

# Prints the share of this VM's CPU time the hypervisor gave to others (steal) since $1.
steal_since() {
  read -r _ u n s i w q sq st _ </proc/stat
  local now=$((u + n + s + i + w + q + sq + st))
  awk -v a="$1" -v b="$now" -v c="$2" -v d="$st" 'BEGIN { printf "cpu steal %.1f %%\n", 100 * (d - c) / (b - a) }'
}

for spec in 2KB:64 220KB:1 220KB:32; do
  size=${spec%:*}; concurrency=${spec#*:}
  name="$size-c$concurrency"
  read -r _ u n s i w q sq st _ </proc/stat
  total0=$((u + n + s + i + w + q + sq + st)); steal0=$st
  "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.inferencegateway.bench.loadgen.LoadGenMain \
    --url "$EPP_URL" --versus "$ECHO_URL" --on-switch "$switch" --body-size "$size" \
    --concurrency "$concurrency" --duration "$WINDOW" --warmup "$WARMUP" --windows "$WINDOWS" >"$OUT/$name.txt"
  steal_since "$total0" "$steal0" >>"$OUT/$name.txt"
  echo "== $name (A = EPP, B = echo)"; grep -E "^(A e2e|B e2e|throughput|ratio|cpu steal) " "$OUT/$name.txt"
done
