# Shared by the EPP load scripts: build, JDK lookup, the /metrics servers, port wait, clean-up.

# Builds the bench module and what it needs; sets JAVA (the JDK 21+ that the build's toolchains
# pick, recorded by the demo profile as ./demo uses it) and CP (the bench classes and their
# dependencies).
build_and_find_java() {
  mvn -B -ntp -q -DskipTests -Pdemo -Ddemo.skipRun=true -pl bench -am package >/dev/null
  JAVA=$(cat bench/target/demo/java)
  [ -d "$JAVA" ] && JAVA="$JAVA/bin/java"
  CP=$(cat bench/target/demo/classpath)
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
