#!/usr/bin/env bash
# Heap over a long EPP run (issue 8): the EPP from its runnable layout with 100 static endpoints
# whose vLLM /metrics (~8 KB) it scrapes every 50 ms, under closed-loop load from the load
# generator (2 KB chat bodies, unique prompts, so the prefix index keeps learning and evicting).
#
# Usage: bench/scripts/epp-soak.sh [DURATION] [CONCURRENCY] [OUT_DIR]   (defaults: 10m 16 target/epp-soak)
# Writes the EPP's GC log to OUT_DIR/epp-gc.log and prints the heap left after each young
# collection, averaged per minute: a flat series means no growth.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10m}
CONCURRENCY=${2:-16}
OUT=${3:-bench/target/epp-soak}
mkdir -p "$OUT"
source bench/scripts/lib.sh
build_and_find_java
start_metrics_servers "$OUT/endpoints.yaml"

"$JAVA" --enable-native-access=ALL-UNNAMED -Xlog:gc:file="$OUT/epp-gc.log" -cp 'epp-server/target/app/lib/*' \
  dev.inferencegateway.epp.server.EppMain --endpoints-file "$OUT/endpoints.yaml" \
  --secure-serving=false --metrics-endpoint-auth=false >"$OUT/epp.log" 2>&1 &
epp=$!; pids+=("$epp")
wait_port 9002
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.inferencegateway.bench.loadgen.LoadGenMain --url grpc://127.0.0.1:9002 --no-progress \
  --body-size 2KB --concurrency "$CONCURRENCY" --duration "$DURATION" >"$OUT/load.txt"
grep -E "^(throughput|requests|e2e|epp) " "$OUT/load.txt"
kill "$epp"; wait "$epp" 2>/dev/null || true
echo "minute  young-GCs  mean heap after GC (MB)"
awk '/Pause Young/ { t=$1; gsub(/[\[\]s]/, "", t); split($0, a, "->"); split(a[2], b, "M");
  m=int(t/60); n[m]++; s[m]+=b[1] } END { for (k in n) printf "%6d  %9d  %10.1f\n", k, n[k], s[k]/n[k] }' \
  "$OUT/epp-gc.log" | sort -n
