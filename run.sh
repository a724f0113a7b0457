#!/usr/bin/env bash
# Vertigram launcher.
#   ./run.sh            build if needed, then run the main job (conf/config.json: embedded Local DC + demo)
#   ./run.sh test       run the whole test suite (starts local Postgres/Redis when installed but stopped)
#   ./run.sh bench      run the benchmarks; JSON results go to bench/results/
#   ./run.sh localdc    run the Local DC alone (conf/localdc.json)
#   ./run.sh <conf.json> run the fat jar with another config
set -euo pipefail
cd "$(dirname "$0")"

MVN=(mvn -B -q)
JAR=target/vertigram.jar

build_if_needed() {
  # Rebuild when the jar is missing or any source, schema or the pom is newer than it.
  if [[ ! -f "$JAR" ]] || [[ -n "$(find src/main schema pom.xml -newer "$JAR" -print -quit)" ]]; then
    echo "[run.sh] building $JAR ..." >&2
    "${MVN[@]}" -DskipTests package
  fi
}

start_services() {
  # Tests use the real local Postgres and Redis: start them when installed but stopped.
  if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    echo "[run.sh] starting PostgreSQL" >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  if command -v redis-server >/dev/null 2>&1 && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "[run.sh] starting Redis" >&2
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
}

cmd="${1:-run}"
case "$cmd" in
  run)
    build_if_needed
    exec java -jar "$JAR" -conf conf/config.json
    ;;
  test)
    start_services
    exec mvn -B test
    ;;
  test-slow)
    start_services
    exec mvn -B -Pslow test
    ;;
  bench)
    shift || true
    mkdir -p bench/results
    "${MVN[@]}" -DskipTests test-compile
    "${MVN[@]}" dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
    CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
    # One fork, short iterations (the machine has 2 cores); BENCH_OPTS overrides them. Pass a regex to run a subset.
    read -r -a opts <<< "${BENCH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}"
    java -cp "$CP" org.openjdk.jmh.Main "${opts[@]}" \
      -rf json -rff "bench/results/jmh-$(date +%Y%m%d-%H%M%S).json" "$@"
    # Harnesses measure what JMH cannot (RAM per peer, end-to-end rates); each writes its own bench/results/*.json.
    if [[ $# -eq 0 ]]; then
      for harness in src/test/java/dev/vertigram/bench/*Harness.java; do
        java -Xmx8g -cp "$CP" "dev.vertigram.bench.$(basename "$harness" .java)"
      done
    fi
    ;;
  localdc)
    build_if_needed
    exec java -jar "$JAR" -conf conf/localdc.json
    ;;
  *.json)
    build_if_needed
    exec java -jar "$JAR" -conf "$cmd"
    ;;
  *)
    echo "usage: ./run.sh [test|test-slow|bench [regex]|localdc|<config.json>]" >&2
    exit 2
    ;;
esac
