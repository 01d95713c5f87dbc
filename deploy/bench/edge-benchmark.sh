#!/usr/bin/env bash
# Edge gateway benchmark (not a test): packaged gateway + real Kafka broker on this machine, simulated high-rate
# source, synced journal. Prints journal and forward rates, drain after a Kafka outage, latency and peak RSS.
# Usage: deploy/bench/edge-benchmark.sh [connections] [tags per connection] [scan ms] [steady s] [outage s]
# Defaults: 2 500 20 60 60 (50,000 samples/s offered). Takes about 4-5 minutes plus the build.
#
# Works from a fresh clone: it builds what it runs (the gateway, its test classes, the Kafka launcher, the kit's
# test jar) in one reactor build, with nothing installed to ~/.m2. BENCH_NO_BUILD=1 runs what is in target/ as it
# is; BENCH_JAVA_OPTS replaces the gateway's JVM options (default: JAVA_OPTS of deploy/edge/edge.env.example).
# A line at least every 10 s while it runs; any failure stops it with the reason and a nonzero exit.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source "$root/deploy/bench/bench-lib.sh"

usage="usage: $0 [connections] [tags per connection] [scan ms, at least 10] [steady s] [outage s] (defaults 2 500 20 60 60)"
(( $# <= 5 )) || { echo "at most 5 arguments, got $#; $usage" >&2; exit 2; }
for arg in "$@"; do
  [[ "$arg" =~ ^[1-9][0-9]{0,8}$ ]] || { echo "'$arg' is not a whole number of at least 1; $usage" >&2; exit 2; }
done
(( ${3:-20} >= 10 )) || { echo "the scan interval must be at least 10 ms, was ${3}; $usage" >&2; exit 2; }
command -v java >/dev/null || fail "no java on the PATH"

classpath="edge-gateway/target/bench.classpath"
if [[ "${BENCH_NO_BUILD:-}" != 1 ]]; then
  # One reactor build: the siblings resolve from their target/ folders, nothing is taken from or put into ~/.m2.
  rm -f "$classpath"
  step "building the gateway, the benchmark and the Kafka launcher" build.log \
    ./mvnw -B -pl edge-gateway -am package dependency:build-classpath -DskipTests \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
require_built edge-gateway/target/quarkus-app/quarkus-run.jar deploy/kafka-broker/target/kafka-broker.jar \
  edge-gateway/target/test-classes/io/millwright/edge/bench/EdgeBenchmark.class "$classpath"

say "running the benchmark"
run_benchmark -Xmx512m -Dmillwright.root="$root" ${BENCH_JAVA_OPTS:+-Dbench.java-opts="$BENCH_JAVA_OPTS"} \
  -cp "edge-gateway/target/test-classes:edge-gateway/target/classes:$(cat "$classpath")" \
  io.millwright.edge.bench.EdgeBenchmark "$@"
