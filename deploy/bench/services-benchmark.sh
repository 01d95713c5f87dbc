#!/usr/bin/env bash
# Services benchmark (not a test): PostgreSQL, Kafka, the simulators and order-, production- and inventory-service on
# this machine, each its own process. Per ERP latency: the ERP simulator driven directly (the raw peer), CRM orders
# offered over REST at a fixed rate (open loop), an ERP posting backlog drained, MES confirmations offered at a fixed
# rate; prints rates, latencies, exactly-once checks against the ERP's ledger, CPU per process and peak RSS.
# Usage: deploy/bench/services-benchmark.sh [orders/s] [confirmations/s] [seconds per phase] [ERP latencies ms]
# Defaults: 300 500 60 0,50. Takes about 12 minutes plus the build.
# BENCH_ROOT=<another checkout> runs that checkout's packaged services (built first with ./mvnw package -DskipTests) with
# this benchmark, BENCH_BEFORE=1 with the configuration keys of the version before the work queues (how the "before"
# figures of docs/benchmarks.md were taken).
#
# Works from a fresh clone: it builds what it runs in one reactor build, with nothing installed to ~/.m2.
# BENCH_NO_BUILD=1 runs what is in target/ as it is. Needs PostgreSQL as for the tests (README).
# A line at least every 10 s while it runs; any failure stops it with the reason and a nonzero exit.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source "$root/deploy/bench/bench-lib.sh"

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

classpath="deploy/bench/target/bench.classpath"
if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
  # One reactor build: the siblings resolve from their target/ folders, nothing is taken from or put into ~/.m2.
  rm -f "$classpath"
  step "building the services, the simulators, the Kafka launcher and the benchmark" services-build.log \
    ./mvnw -B -pl deploy/bench -am package dependency:build-classpath -DskipTests \
      -Dmdep.includeScope=compile -Dmdep.outputFile=target/bench.classpath
fi
platform="${BENCH_ROOT:-$root}"
require_built "$platform"/services/{order,production,inventory}-service/target/quarkus-app/quarkus-run.jar \
  "$platform/services/simulators/target/quarkus-app/quarkus-run.jar" "$platform/deploy/kafka-broker/target/kafka-broker.jar" \
  deploy/bench/target/classes/io/millwright/bench/ServicesBenchmark.class "$classpath"

say "running the benchmark against $platform (process logs under $platform/target/process-logs)"
run_benchmark -Xmx768m -Dmillwright.root="$platform" ${BENCH_BEFORE:+-Dbench.before=true} \
  -cp "deploy/bench/target/classes:$(cat "$classpath")" io.millwright.bench.ServicesBenchmark "$@"
