#!/usr/bin/env bash
# Edge gateway benchmark (not a test): packaged gateway + real Kafka broker on this machine, simulated high-rate
# source, synced journal. Prints journal and forward rates, drain after a Kafka outage, latency and peak RSS.
# Usage: deploy/bench/edge-benchmark.sh [connections] [tags per connection] [scan ms] [steady s] [outage s]
# Defaults: 2 500 20 60 60 (50,000 samples/s offered). Takes about 4 minutes plus the build.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f edge-gateway/target/quarkus-app/quarkus-run.jar || ! -f deploy/kafka-broker/target/kafka-broker.jar \
      || ! -d edge-gateway/target/test-classes/io/millwright/edge/bench ]]; then
  ./mvnw -q -pl edge-gateway -am install -DskipTests
  ./mvnw -q -pl edge-gateway test-compile
fi
cp_file="edge-gateway/target/bench.classpath"
./mvnw -q -pl edge-gateway dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="target/bench.classpath" >/dev/null
exec java -Xmx512m -Dmillwright.root="$root" ${BENCH_JAVA_OPTS:+-Dbench.java-opts="$BENCH_JAVA_OPTS"} \
  -cp "edge-gateway/target/test-classes:edge-gateway/target/classes:$(cat "$cp_file")" \
  io.millwright.edge.bench.EdgeBenchmark "$@"
