#!/usr/bin/env bash
# Services benchmark (not a test): PostgreSQL, Kafka, the simulators and order-, production- and inventory-service on
# this machine, each its own process. Per ERP latency: the ERP simulator driven directly (the raw peer), CRM orders
# offered over REST at a fixed rate (open loop), an ERP posting backlog drained, MES confirmations offered at a fixed
# rate; prints rates, latencies, exactly-once checks against the ERP's ledger, CPU per process and peak RSS.
# Usage: deploy/bench/services-benchmark.sh [orders/s] [confirmations/s] [seconds per phase] [ERP latencies ms]
# Defaults: 300 500 60 0,50. Takes about 12 minutes plus the build.
#
# Works from a fresh clone: it builds what it runs in one reactor build, with nothing installed to ~/.m2.
# BENCH_NO_BUILD=1 runs what is in target/ as it is. Needs PostgreSQL as for the tests (README).
# A line at least every 10 s while it runs; any failure stops it with the reason and a nonzero exit.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="$root/target/bench"
mkdir -p "$work"

say() { echo "[bench $(date +%H:%M:%S)] $*"; }
fail() { echo "[bench $(date +%H:%M:%S)] FAILED: $*" >&2; exit 1; }

usage="usage: $0 [orders/s] [confirmations/s] [seconds per phase] [ERP latencies in ms, comma-separated] (defaults 300 500 60 0,50)"
(( $# <= 4 )) || { echo "at most 4 arguments, got $#; $usage" >&2; exit 2; }
for arg in "${@:1:3}"; do
  [[ "$arg" =~ ^[1-9][0-9]{0,5}$ ]] || { echo "'$arg' is not a whole number of at least 1; $usage" >&2; exit 2; }
done
if (( $# == 4 )); then
  [[ "$4" =~ ^[0-9]{1,5}(,[0-9]{1,5})*$ ]] || { echo "'$4' is not a comma-separated list of milliseconds; $usage" >&2; exit 2; }
fi
command -v java >/dev/null || fail "no java on the PATH"
command -v pg_isready >/dev/null && { pg_isready -h 127.0.0.1 -p 5432 -q || fail "PostgreSQL does not answer on 127.0.0.1:5432"; }

# Runs "$@" with its output in $work/<log>, a line every 10 s while it runs; on failure shows the log's end.
step_pid=""
trap '[[ -n "$step_pid" ]] && kill "$step_pid" 2>/dev/null; true' EXIT
step() {
  local what="$1" log="$work/$2"
  shift 2
  say "$what (log: $log)"
  "$@" >"$log" 2>&1 &
  step_pid=$!
  local seconds=0
  while kill -0 "$step_pid" 2>/dev/null; do
    sleep 1
    seconds=$((seconds + 1))
    if (( seconds % 10 == 0 )); then say "  ... $what: ${seconds} s"; fi
  done
  if ! wait "$step_pid"; then
    step_pid=""
    echo "---- the end of $log ----" >&2
    tail -n 60 "$log" >&2
    fail "$what (see $log)"
  fi
  step_pid=""
}

classpath="deploy/bench/target/bench.classpath"
if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
  # One reactor build: the siblings resolve from their target/ folders, nothing is taken from or put into ~/.m2.
  rm -f "$classpath"
  step "building the services, the simulators, the Kafka launcher and the benchmark" services-build.log \
    ./mvnw -B -pl deploy/bench -am package dependency:build-classpath -DskipTests \
      -Dmdep.includeScope=compile -Dmdep.outputFile=target/bench.classpath
fi
for needed in services/order-service/target/quarkus-app/quarkus-run.jar services/production-service/target/quarkus-app/quarkus-run.jar \
    services/inventory-service/target/quarkus-app/quarkus-run.jar services/simulators/target/quarkus-app/quarkus-run.jar \
    deploy/kafka-broker/target/kafka-broker.jar deploy/bench/target/classes/io/millwright/bench/ServicesBenchmark.class "$classpath"; do
  [[ -s "$needed" ]] || fail "$needed is missing: run without BENCH_NO_BUILD to build it"
done

say "running the benchmark (process logs under target/process-logs)"
java -Xmx768m -Dmillwright.root="$root" -cp "deploy/bench/target/classes:$(cat "$classpath")" \
  io.millwright.bench.ServicesBenchmark "$@" || {
  status=$?
  echo "[bench $(date +%H:%M:%S)] FAILED: the benchmark ended with exit code $status (logs in target/process-logs and $work)" >&2
  exit "$status"
}
