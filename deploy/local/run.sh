#!/usr/bin/env bash
# Millwright on one machine: real Kafka (KRaft, from the Apache jars), the machine's PostgreSQL, the ERP
# simulator and order-service; then one sample CRM order is posted so you can watch it flow.
#
#   deploy/local/run.sh            build if needed, start everything, post a sample order, keep running (Ctrl-C stops all)
#   deploy/local/run.sh --rebuild  rebuild the jars first
#   deploy/local/run.sh --no-wait  start, post the sample order, print the URLs, stop everything and exit
#
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), MILLWRIGHT_DB (default millwright),
# KAFKA_PORT (9092), ERP_SIM_PORT (8090), ORDER_SERVICE_PORT (8081).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="$ROOT/.local"
LOGS="$STATE/logs"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
DB="${MILLWRIGHT_DB:-millwright}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
ERP_SIM_PORT="${ERP_SIM_PORT:-8090}"
ORDER_SERVICE_PORT="${ORDER_SERVICE_PORT:-8081}"
REBUILD=0; WAIT=1
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --no-wait) WAIT=0 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

PIDS=()
cleanup() {
  if [ ${#PIDS[@]} -gt 0 ]; then
    say "Stopping Millwright"
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # name url seconds
  local name=$1 url=$2 deadline=$(( $(date +%s) + $3 ))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$name did not become ready; see $LOGS/$name.log"
    sleep 1
  done
}

command -v java >/dev/null || die "java (17+) is needed"
command -v curl >/dev/null || die "curl is needed"
command -v psql >/dev/null || die "psql is needed to prepare the database"
for p in "$KAFKA_PORT" $((KAFKA_PORT + 1)) "$ERP_SIM_PORT" "$ORDER_SERVICE_PORT"; do
  port_free "$p" || die "port $p is in use (is Millwright already running?)"
done

KAFKA_JAR="$ROOT/deploy/kafka-broker/target/kafka-broker.jar"
ERP_JAR="$ROOT/services/simulators/target/quarkus-app/quarkus-run.jar"
ORDER_JAR="$ROOT/services/order-service/target/quarkus-app/quarkus-run.jar"
if [ $REBUILD = 1 ] || [ ! -f "$KAFKA_JAR" ] || [ ! -f "$ERP_JAR" ] || [ ! -f "$ORDER_JAR" ]; then
  say "Building (tests skipped; run ./mvnw verify for those)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
fi

mkdir -p "$LOGS"
say "PostgreSQL $PGHOST:$PGPORT, database $DB"
pg_isready -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT"
if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "create database \"$DB\""
fi
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"

say "Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT, data in $STATE/kafka"
java -Xmx512m -jar "$KAFKA_JAR" --port "$KAFKA_PORT" --data-dir "$STATE/kafka" >"$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
deadline=$(( $(date +%s) + 60 ))
until ! port_free "$KAFKA_PORT"; do
  [ "$(date +%s)" -lt "$deadline" ] || die "Kafka did not start; see $LOGS/kafka.log"; sleep 1
done

say "ERP simulator on http://127.0.0.1:$ERP_SIM_PORT"
java -Xmx256m -Dquarkus.http.port="$ERP_SIM_PORT" -Dquarkus.datasource.jdbc.url="$DB_URL" \
  -Dquarkus.datasource.username="$PGUSER" -jar "$ERP_JAR" >"$LOGS/erp-simulator.log" 2>&1 &
PIDS+=($!)
wait_for erp-simulator "http://127.0.0.1:$ERP_SIM_PORT/q/health/ready" 90

say "order-service on http://127.0.0.1:$ORDER_SERVICE_PORT"
DB_URL="$DB_URL" DB_USER="$PGUSER" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  ERP_URL="http://127.0.0.1:$ERP_SIM_PORT/soap/erp" ORDER_SERVICE_PORT="$ORDER_SERVICE_PORT" \
  java -Xmx384m -Dquarkus.log.category.\"io.quarkus.opentelemetry.runtime.exporter\".level=ERROR \
  -jar "$ORDER_JAR" >"$LOGS/order-service.log" 2>&1 &
PIDS+=($!)
wait_for order-service "http://127.0.0.1:$ORDER_SERVICE_PORT/q/health/ready" 120

CRM_ORDER_ID="CRM-DEMO-$(date +%s)"
DELIVERY_DATE="$(date -u -d '+30 days' +%F 2>/dev/null || date -u +%F)"
say "Posting sample CRM order $CRM_ORDER_ID"
ORDER_JSON="$(sed -e "s/\${CRM_ORDER_ID}/$CRM_ORDER_ID/" -e "s/\${DELIVERY_DATE}/$DELIVERY_DATE/" "$ROOT/deploy/local/sample-order.json")"
RESPONSE="$(curl -fsS -H 'Content-Type: application/json' -H "X-Correlation-Id: demo-$CRM_ORDER_ID" \
  -d "$ORDER_JSON" "http://127.0.0.1:$ORDER_SERVICE_PORT/api/v1/orders")"
ORDER_ID="$(printf '%s' "$RESPONSE" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
[ -n "$ORDER_ID" ] || die "unexpected response: $RESPONSE"
STATUS=""
for _ in $(seq 1 30); do
  STATUS="$(curl -fsS "http://127.0.0.1:$ORDER_SERVICE_PORT/api/v1/orders/$ORDER_ID" | sed -n 's/.*"status":"\([^"]*\)".*/\1/p')"
  [ "$STATUS" = "CONFIRMED" ] && break
  sleep 1
done
say "Order $ORDER_ID is $STATUS"
curl -fsS "http://127.0.0.1:$ORDER_SERVICE_PORT/api/v1/orders/$ORDER_ID"; echo

cat <<EOT

Millwright is running. Look at:
  Order status + timeline   http://127.0.0.1:$ORDER_SERVICE_PORT/api/v1/orders/$ORDER_ID
  Order API (Swagger UI)    http://127.0.0.1:$ORDER_SERVICE_PORT/q/swagger-ui
  OpenAPI document          http://127.0.0.1:$ORDER_SERVICE_PORT/q/openapi
  Dead letters              http://127.0.0.1:$ORDER_SERVICE_PORT/api/v1/dead-letters
  Metrics (Prometheus)      http://127.0.0.1:$ORDER_SERVICE_PORT/q/metrics   (millwright_orders_waiting_erp, millwright_dead_letters, ...)
  Health                    http://127.0.0.1:$ORDER_SERVICE_PORT/q/health
  ERP simulator: orders     http://127.0.0.1:$ERP_SIM_PORT/sim/erp/sales-orders
  ERP simulator: SOAP calls http://127.0.0.1:$ERP_SIM_PORT/sim/erp/calls
  ERP WSDL                  http://127.0.0.1:$ERP_SIM_PORT/soap/erp?wsdl
  Kafka                     127.0.0.1:$KAFKA_PORT  topic millwright.order.events  (kcat -b 127.0.0.1:$KAFKA_PORT -t millwright.order.events -C -J)
  Logs                      $LOGS

Try an ERP outage (60 s), then post another order and watch it wait for ERP, then confirm:
  curl -X POST -H 'Content-Type: application/json' -d '{"mode":"UNAVAILABLE","durationSeconds":60}' http://127.0.0.1:$ERP_SIM_PORT/sim/erp/faults
  sed -e "s/\\\${CRM_ORDER_ID}/CRM-DEMO-\$(date +%s)/" -e "s/\\\${DELIVERY_DATE}/$DELIVERY_DATE/" deploy/local/sample-order.json \\
    | curl -sS -H 'Content-Type: application/json' -d @- http://127.0.0.1:$ORDER_SERVICE_PORT/api/v1/orders
EOT

if [ $WAIT = 1 ]; then
  say "Press Ctrl-C to stop"
  wait
fi
