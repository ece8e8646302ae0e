# Shared by the EPP load scripts: build, JDK lookup, the /metrics servers, port wait, clean-up.

# Builds the bench module and what it needs; sets JAVA (a JDK 21+ from /usr/lib/jvm) and CP.
build_and_find_java() {
  mvn -B -ntp -q -DskipTests -pl bench -am package dependency:build-classpath \
    -Dmdep.outputFile=target/run.cp >/dev/null
  JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    [ "${v%%.*}" -ge 21 ] 2>/dev/null && echo "$j"; done | tail -1)
  [ -n "$JAVA" ] || { echo "no JDK 21+ under /usr/lib/jvm" >&2; exit 1; }
  CP="bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/run.cp)"
}

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Starts 100 /metrics servers (~8 KB vLLM exposition each) and writes their endpoints file to $1.
start_metrics_servers() {
  coproc METRICS { "$JAVA" -cp "$CP" \
    dev.inferencegateway.bench.scrape.ExpositionServers 100 3600; }
  pids+=("$METRICS_PID")
  local line ports p list
  read -r line <&"${METRICS[0]}"
  ports=${line#PORTS }
  IFS=, read -ra list <<<"$ports"
  { echo "endpoints:"; for p in "${list[@]}"; do printf "  - address: 127.0.0.1\n    port: %s\n" "$p"; done; } >"$1"
}

# Waits until something listens on local port $1.
wait_port() {
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on port $1" >&2; return 1
}
