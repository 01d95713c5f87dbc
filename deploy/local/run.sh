#!/usr/bin/env bash
# Millwright on one machine, the whole order-to-production chain: real Kafka (KRaft, from the Apache jars), the
# machine's PostgreSQL, the simulators (ERP, MES, WMS, CRM, QMS, EAM, a press's PLC), order-service, production-service,
# inventory-service, quality-service, maintenance-service, and the edge gateway of a simulated plant (deploy/local/plant.yaml) forwarding its machine
# data from its Artemis journal over TLS with a client certificate and SCRAM, as a plant does. A sample CRM order is posted; the ERP confirms it and releases production orders for it, the
# MES simulator gets the work orders, acknowledges them and sends the confirmations, inventory-service receives the
# produced lots, and order-service reports the milestones (up to SHIPPED) to the CRM simulator. Then the press faults
# while a second order is on it: maintenance-service opens an incident, the EAM gets a work request, the ERP the spare
# parts and (once repaired) the downtime, the order is at risk at the CRM and the lot made meanwhile is held.
#
#   deploy/local/run.sh            build if needed, start everything, run the sample order, keep running (Ctrl-C stops all)
#   deploy/local/run.sh --rebuild  rebuild the jars first
#   deploy/local/run.sh --no-wait  start, run the sample order to READY_TO_SHIP, print the URLs, stop everything and exit
#
# Needs java 17+, curl, jq, psql/pg_isready. Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres),
# MILLWRIGHT_DB (default millwright), KAFKA_PORT (9092, controller on +1, TLS listener on +2), ERP_SIM_PORT (8090,
# all simulators), ORDER_SERVICE_PORT (8081), PRODUCTION_SERVICE_PORT (8082), INVENTORY_SERVICE_PORT (8083), QUALITY_SERVICE_PORT (8084),
# EDGE_GATEWAY_PORT (8085), MAINTENANCE_SERVICE_PORT (8086), CONSOLE_PORT (8088, the operations console), SIM_PLC_MODBUS_PORT (5020, the press's PLC, fixed in
# deploy/local/plant.yaml), PROMETHEUS_PORT (9090, when the prometheus binary is installed); each service's health and
# metrics on its port + 1000 (9081 ... 9084, 9086).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="$ROOT/.local"
LOGS="$STATE/logs"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
DB="${MILLWRIGHT_DB:-millwright}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
ERP_SIM_PORT="${ERP_SIM_PORT:-8090}"
ORDER_SERVICE_PORT="${ORDER_SERVICE_PORT:-8081}"
PRODUCTION_SERVICE_PORT="${PRODUCTION_SERVICE_PORT:-8082}"
INVENTORY_SERVICE_PORT="${INVENTORY_SERVICE_PORT:-8083}"
QUALITY_SERVICE_PORT="${QUALITY_SERVICE_PORT:-8084}"
EDGE_GATEWAY_PORT="${EDGE_GATEWAY_PORT:-8085}"
MAINTENANCE_SERVICE_PORT="${MAINTENANCE_SERVICE_PORT:-8086}"
CONSOLE_PORT="${CONSOLE_PORT:-8088}"
CONSOLE="http://127.0.0.1:$CONSOLE_PORT"
SIM_PLC_MODBUS_PORT=5020
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
KEYCLOAK_VERSION=26.4.5
KC="http://127.0.0.1:$KEYCLOAK_PORT"
REALM_URL="$KC/realms/millwright"
KAFKA_TLS_PORT=$((KAFKA_PORT + 2))
# the local broker's TLS material (made on its first start, password KAFKA_TLS_PASSWORD of .local/secrets.env): a
# client certificate per principal; each service, the CRM integration and the edge gateway log in as their own SCRAM
# user (passwords in .local/secrets.env) and may use only the topics KafkaAccess gives them (docs/security.md)
KAFKA_TLS_DIR="$STATE/kafka/tls"
EDGE_SCRAM_USER=edge-gateway
KAFKA_PRINCIPALS="order-service production-service inventory-service quality-service maintenance-service crm $EDGE_SCRAM_USER"
# every topic the services publish to or consume (created before they start)
TOPICS="millwright.crm.orders,millwright.order.events,millwright.production.events,millwright.inventory.events,millwright.quality.events,millwright.maintenance.events,millwright.edge.telemetry,millwright.edge.events"
REBUILD=0; WAIT=1
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=1 ;;
    --no-wait) WAIT=0 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
say "Operations console: $CONSOLE (log in as operator or viewer; passwords in .local/secrets.env) - ready once the platform is up"
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

PIDS=()
cleanup() {
  if [ ${#PIDS[@]} -gt 0 ]; then
    say "Stopping Millwright"
    # services first, Kafka last (reverse start order)
    for (( i=${#PIDS[@]}-1; i>=0; i-- )); do kill "${PIDS[$i]}" 2>/dev/null || true; done
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
# until_ok seconds description command...: runs the command (a function, so it is evaluated anew) every second until it succeeds
until_ok() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "timed out after ${seconds}s waiting for $what"
    sleep 1
  done
}
post_json() { curl -fsS -H 'Content-Type: application/json' -d "$2" "$1"; }
# Tokens of the local identity provider: a system's (client credentials) and the operator's (password grant, CLI client)
client_token() { curl -fsS -d grant_type=client_credentials -d client_id="$1" -d client_secret="$2" \
  "$REALM_URL/protocol/openid-connect/token" | jq -r .access_token; }
operator_token() { curl -fsS -d grant_type=password -d client_id=millwright-cli -d username=operator \
  --data-urlencode password="$OPERATOR_PASSWORD" "$REALM_URL/protocol/openid-connect/token" | jq -r .access_token; }
# GET an API as the operator
api_get() { curl -fsS -H "Authorization: Bearer $(operator_token)" "$1"; }

command -v java >/dev/null || die "java (17+) is needed"
command -v curl >/dev/null || die "curl is needed"
command -v jq >/dev/null || die "jq is needed"
command -v psql >/dev/null || die "psql is needed to prepare the database"
for p in "$KAFKA_PORT" $((KAFKA_PORT + 1)) "$KAFKA_TLS_PORT" "$ERP_SIM_PORT" "$ORDER_SERVICE_PORT" "$PRODUCTION_SERVICE_PORT" \
    "$INVENTORY_SERVICE_PORT" "$EDGE_GATEWAY_PORT" "$KEYCLOAK_PORT" $((ORDER_SERVICE_PORT + 1000)) $((PRODUCTION_SERVICE_PORT + 1000)) \
    $((INVENTORY_SERVICE_PORT + 1000)) "$QUALITY_SERVICE_PORT" $((QUALITY_SERVICE_PORT + 1000)) "$MAINTENANCE_SERVICE_PORT" \
    $((MAINTENANCE_SERVICE_PORT + 1000)) "$SIM_PLC_MODBUS_PORT" "$CONSOLE_PORT" $((CONSOLE_PORT + 1000)); do
  port_free "$p" || die "port $p is in use (is Millwright already running?)"
done

KAFKA_JAR="$ROOT/deploy/kafka-broker/target/kafka-broker.jar"
SIM_JAR="$ROOT/services/simulators/target/quarkus-app/quarkus-run.jar"
ORDER_JAR="$ROOT/services/order-service/target/quarkus-app/quarkus-run.jar"
PRODUCTION_JAR="$ROOT/services/production-service/target/quarkus-app/quarkus-run.jar"
INVENTORY_JAR="$ROOT/services/inventory-service/target/quarkus-app/quarkus-run.jar"
QUALITY_JAR="$ROOT/services/quality-service/target/quarkus-app/quarkus-run.jar"
MAINTENANCE_JAR="$ROOT/services/maintenance-service/target/quarkus-app/quarkus-run.jar"
EDGE_JAR="$ROOT/edge-gateway/target/quarkus-app/quarkus-run.jar"
CONSOLE_JAR="$ROOT/services/operations-console/target/quarkus-app/quarkus-run.jar"
missing=0
for jar in "$KAFKA_JAR" "$SIM_JAR" "$ORDER_JAR" "$PRODUCTION_JAR" "$INVENTORY_JAR" "$QUALITY_JAR" "$MAINTENANCE_JAR" "$EDGE_JAR" "$CONSOLE_JAR"; do [ -f "$jar" ] || missing=1; done
if [ $REBUILD = 1 ] || [ $missing = 1 ]; then
  say "Building (tests skipped; run ./mvnw verify for those)"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
fi

mkdir -p "$LOGS"
# Secrets of the local run (client secrets, passwords): made on the first run, kept in .local/secrets.env, never in
# the repository. Delete the file to get new ones.
SECRETS="$STATE/secrets.env"
(umask 077; touch "$SECRETS")
for name in CRM_CLIENT_SECRET MES_CLIENT_SECRET WMS_CLIENT_SECRET QMS_CLIENT_SECRET EAM_CLIENT_SECRET \
    ORDER_SERVICE_CLIENT_SECRET MAINTENANCE_SERVICE_CLIENT_SECRET CONSOLE_CLIENT_SECRET OPERATOR_PASSWORD VIEWER_PASSWORD KEYCLOAK_ADMIN_PASSWORD KAFKA_TLS_PASSWORD \
    EDGE_SCRAM_PASSWORD ORDER_SERVICE_KAFKA_PASSWORD PRODUCTION_SERVICE_KAFKA_PASSWORD INVENTORY_SERVICE_KAFKA_PASSWORD QUALITY_SERVICE_KAFKA_PASSWORD \
    MAINTENANCE_SERVICE_KAFKA_PASSWORD CRM_KAFKA_PASSWORD CRM_WEBHOOK_SECRET QMS_WEBHOOK_SECRET EAM_WEBHOOK_SECRET ERP_PASSWORD ERP_CALLBACK_PASSWORD; do
  if ! grep -q "^$name=" "$SECRETS"; then
    echo "$name=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" >>"$SECRETS"
    # the broker's keystores were made with another password: it makes new ones on its next start
    [ "$name" != KAFKA_TLS_PASSWORD ] || rm -rf "$KAFKA_TLS_DIR"
  fi
done
# shellcheck disable=SC1090
. "$SECRETS"

say "PostgreSQL $PGHOST:$PGPORT, database $DB"
pg_isready -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT"
if ! psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "create database \"$DB\""
fi
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"

say "Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT, TLS + SCRAM on 127.0.0.1:$KAFKA_TLS_PORT, data in $STATE/kafka"
# each principal's SCRAM password: <NAME>_KAFKA_PASSWORD of .local/secrets.env (the edge gateway's EDGE_SCRAM_PASSWORD)
kafka_password() {
  case "$1" in
    "$EDGE_SCRAM_USER") echo "$EDGE_SCRAM_PASSWORD" ;;
    *) local var; var="$(echo "$1" | tr 'a-z-' 'A-Z_')_KAFKA_PASSWORD"; echo "${!var}" ;;
  esac
}
KAFKA_USERS=()
for principal in $KAFKA_PRINCIPALS; do
  KAFKA_USERS+=(--tls-client "$principal" --scram-user "$principal:$(kafka_password "$principal")")
done
java -Xmx512m -jar "$KAFKA_JAR" --port "$KAFKA_PORT" --data-dir "$STATE/kafka" --topics "$TOPICS" \
  --secure-port "$KAFKA_TLS_PORT" --tls-password "$KAFKA_TLS_PASSWORD" "${KAFKA_USERS[@]}" >"$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
until_ok 60 "Kafka (see $LOGS/kafka.log)" grep -q "topics ready" "$LOGS/kafka.log"


KC_HOME="$STATE/keycloak-$KEYCLOAK_VERSION"
if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  KC_ZIP="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [ ! -f "$KC_ZIP" ]; then
    say "Downloading Keycloak $KEYCLOAK_VERSION (about 160 MB, once) from Maven Central"
    (cd "$ROOT" && ./mvnw -q dependency:get -Dtransitive=false -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip") \
      || die "could not download Keycloak"
  fi
  (cd "$STATE" && jar xf "$KC_ZIP") && chmod +x "$KC_HOME"/bin/*.sh
fi
say "Keycloak (realm millwright, deploy/local/keycloak/millwright-realm.json) on $KC"
# the realm file is the truth: a fresh development database each start, the realm imported with this run's secrets
rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"; mkdir -p "$KC_HOME/data/import"
cp "$ROOT/deploy/local/keycloak/millwright-realm.json" "$KC_HOME/data/import/"
env CRM_CLIENT_SECRET="$CRM_CLIENT_SECRET" MES_CLIENT_SECRET="$MES_CLIENT_SECRET" WMS_CLIENT_SECRET="$WMS_CLIENT_SECRET" \
  QMS_CLIENT_SECRET="$QMS_CLIENT_SECRET" EAM_CLIENT_SECRET="$EAM_CLIENT_SECRET" \
  ORDER_SERVICE_CLIENT_SECRET="$ORDER_SERVICE_CLIENT_SECRET" MAINTENANCE_SERVICE_CLIENT_SECRET="$MAINTENANCE_SERVICE_CLIENT_SECRET" OPERATOR_PASSWORD="$OPERATOR_PASSWORD" VIEWER_PASSWORD="$VIEWER_PASSWORD" \
  CONSOLE_CLIENT_SECRET="$CONSOLE_CLIENT_SECRET" CONSOLE_URL="$CONSOLE" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
  "$KC_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" --hostname="$KC" --import-realm >"$LOGS/keycloak.log" 2>&1 &
PIDS+=($!)
wait_for keycloak "$REALM_URL/.well-known/openid-configuration" 180

SIM="http://127.0.0.1:$ERP_SIM_PORT"
OS="http://127.0.0.1:$ORDER_SERVICE_PORT"
PS="http://127.0.0.1:$PRODUCTION_SERVICE_PORT"
INV="http://127.0.0.1:$INVENTORY_SERVICE_PORT"
# health and metrics of the services: their management interface, a port of its own (service port + 1000)
OS_MGMT="http://127.0.0.1:$((ORDER_SERVICE_PORT + 1000))"
PS_MGMT="http://127.0.0.1:$((PRODUCTION_SERVICE_PORT + 1000))"
INV_MGMT="http://127.0.0.1:$((INVENTORY_SERVICE_PORT + 1000))"
QS="http://127.0.0.1:$QUALITY_SERVICE_PORT"
QS_MGMT="http://127.0.0.1:$((QUALITY_SERVICE_PORT + 1000))"
MS="http://127.0.0.1:$MAINTENANCE_SERVICE_PORT"
MS_MGMT="http://127.0.0.1:$((MAINTENANCE_SERVICE_PORT + 1000))"
QUIET_OTEL='-Dquarkus.log.category."io.quarkus.opentelemetry.runtime.exporter".level=ERROR'

say "Simulators (ERP, MES, WMS, CRM, QMS, EAM) on $SIM, the press's PLC (Modbus TCP) on 127.0.0.1:$SIM_PLC_MODBUS_PORT"
# the simulated MES and WMS call the services with their own client credentials
# the simulated CRM checks the milestones' signatures with the secret order-service signs them with
SIM_OIDC_ENABLED=true OIDC_AUTH_SERVER_URL="$REALM_URL" MES_CLIENT_SECRET="$MES_CLIENT_SECRET" WMS_CLIENT_SECRET="$WMS_CLIENT_SECRET" \
  QMS_CLIENT_SECRET="$QMS_CLIENT_SECRET" QMS_WEBHOOK_SECRET="$QMS_WEBHOOK_SECRET" CRM_WEBHOOK_SECRET="$CRM_WEBHOOK_SECRET" EAM_WEBHOOK_SECRET="$EAM_WEBHOOK_SECRET" \
  SIM_PLC_MODBUS_PORT="$SIM_PLC_MODBUS_PORT" ERP_USERNAME=millwright ERP_PASSWORD="$ERP_PASSWORD" \
  ERP_CALLBACK_USERNAME=erp ERP_CALLBACK_PASSWORD="$ERP_CALLBACK_PASSWORD" \
  java -Xmx256m -Dquarkus.http.port="$ERP_SIM_PORT" -Dquarkus.datasource.jdbc.url="$DB_URL" \
  -Dquarkus.datasource.username="$PGUSER" -jar "$SIM_JAR" >"$LOGS/simulators.log" 2>&1 &
PIDS+=($!)
wait_for simulators "$SIM/q/health/ready" 90
# the press runs, no fault (holding-register:1 state, :2 fault code; deploy/local/plant.yaml)
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"value":1}' "$SIM/sim/plc/registers/1" >/dev/null
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"value":0}' "$SIM/sim/plc/registers/2" >/dev/null

# Common settings of the three services (their %prod configuration reads these variables)
export DB_URL DB_USER="$PGUSER" ERP_URL="$SIM/soap/erp" OIDC_AUTH_SERVER_URL="$REALM_URL" ERP_USERNAME=millwright ERP_PASSWORD \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_TLS_PORT" KAFKA_SSL_TRUSTSTORE_LOCATION="$KAFKA_TLS_DIR/truststore.p12" \
  KAFKA_SSL_TRUSTSTORE_PASSWORD="$KAFKA_TLS_PASSWORD" KAFKA_SSL_KEYSTORE_PASSWORD="$KAFKA_TLS_PASSWORD"
# a service's own Kafka principal: its password and client certificate (the user name is the service's name)
kafka_principal() { echo "KAFKA_PASSWORD=$(kafka_password "$1") KAFKA_SSL_KEYSTORE_LOCATION=$KAFKA_TLS_DIR/client-$1.p12"; }

say "inventory-service on $INV"
env $(kafka_principal inventory-service) \
  INVENTORY_SERVICE_PORT="$INVENTORY_SERVICE_PORT" INVENTORY_SERVICE_MANAGEMENT_PORT="$((INVENTORY_SERVICE_PORT + 1000))" WMS_URL="$SIM" \
  java -Xmx320m "$QUIET_OTEL" -jar "$INVENTORY_JAR" >"$LOGS/inventory-service.log" 2>&1 &
PIDS+=($!)
say "quality-service on $QS"
env $(kafka_principal quality-service) QMS_WEBHOOK_SECRET="$QMS_WEBHOOK_SECRET" QMS_URL="$SIM/qms" \
  QUALITY_SERVICE_PORT="$QUALITY_SERVICE_PORT" QUALITY_SERVICE_MANAGEMENT_PORT="$((QUALITY_SERVICE_PORT + 1000))" \
  java -Xmx256m "$QUIET_OTEL" -jar "$QUALITY_JAR" >"$LOGS/quality-service.log" 2>&1 &
PIDS+=($!)
say "production-service on $PS"
env $(kafka_principal production-service) ERP_CALLBACK_USERNAME=erp ERP_CALLBACK_PASSWORD="$ERP_CALLBACK_PASSWORD" \
  PRODUCTION_SERVICE_PORT="$PRODUCTION_SERVICE_PORT" PRODUCTION_SERVICE_MANAGEMENT_PORT="$((PRODUCTION_SERVICE_PORT + 1000))" MES_URL="$SIM" \
  java -Xmx320m "$QUIET_OTEL" -jar "$PRODUCTION_JAR" >"$LOGS/production-service.log" 2>&1 &
PIDS+=($!)
say "order-service on $OS"
env $(kafka_principal order-service) WMS_URL="$SIM" \
  OIDC_CLIENT_ID=order-service OIDC_CLIENT_SECRET="$ORDER_SERVICE_CLIENT_SECRET" CRM_WEBHOOK_SECRET="$CRM_WEBHOOK_SECRET" \
  ORDER_SERVICE_PORT="$ORDER_SERVICE_PORT" ORDER_SERVICE_MANAGEMENT_PORT="$((ORDER_SERVICE_PORT + 1000))" INVENTORY_SERVICE_URL="$INV" CRM_WEBHOOK_URL="$SIM/crm/api/v1/order-milestones" \
  java -Xmx320m "$QUIET_OTEL" -jar "$ORDER_JAR" >"$LOGS/order-service.log" 2>&1 &
PIDS+=($!)
say "maintenance-service on $MS"
env $(kafka_principal maintenance-service) OIDC_CLIENT_ID=maintenance-service OIDC_CLIENT_SECRET="$MAINTENANCE_SERVICE_CLIENT_SECRET" \
  EAM_URL="$SIM/eam" EAM_WEBHOOK_SECRET="$EAM_WEBHOOK_SECRET" PRODUCTION_SERVICE_URL="$PS" QUALITY_SERVICE_URL="$QS" \
  MAINTENANCE_GROUP_WAIT=5s MAINTENANCE_RESOLVE_AFTER=10s \
  MAINTENANCE_SERVICE_PORT="$MAINTENANCE_SERVICE_PORT" MAINTENANCE_SERVICE_MANAGEMENT_PORT="$((MAINTENANCE_SERVICE_PORT + 1000))" \
  java -Xmx256m "$QUIET_OTEL" -jar "$MAINTENANCE_JAR" >"$LOGS/maintenance-service.log" 2>&1 &
PIDS+=($!)
EDGE="http://127.0.0.1:$EDGE_GATEWAY_PORT"
say "edge gateway of plant-local on $EDGE (journal in $STATE/edge), forwarding over TLS to 127.0.0.1:$KAFKA_TLS_PORT"
# the install's memory settings (JAVA_OPTS, MALLOC_ARENA_MAX) from the plant environment file
EDGE_JAVA_OPTS="$(sed -n 's/^JAVA_OPTS=//p' "$ROOT/deploy/edge/edge.env.example")"
EDGE_GATEWAY_PORT="$EDGE_GATEWAY_PORT" EDGE_PLANT_CONFIG="$ROOT/deploy/local/plant.yaml" EDGE_DATA_DIR="$STATE/edge" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_TLS_PORT" KAFKA_SECURITY_PROTOCOL=SASL_SSL \
  KAFKA_SSL_TRUSTSTORE_LOCATION="$KAFKA_TLS_DIR/truststore.p12" KAFKA_SSL_TRUSTSTORE_PASSWORD="$KAFKA_TLS_PASSWORD" \
  KAFKA_SSL_KEYSTORE_LOCATION="$KAFKA_TLS_DIR/client-$EDGE_SCRAM_USER.p12" KAFKA_SSL_KEYSTORE_PASSWORD="$KAFKA_TLS_PASSWORD" \
  KAFKA_SASL_MECHANISM=SCRAM-SHA-512 \
  KAFKA_SASL_JAAS_CONFIG="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$EDGE_SCRAM_USER\" password=\"$EDGE_SCRAM_PASSWORD\";" \
  MALLOC_ARENA_MAX=2 java $EDGE_JAVA_OPTS -jar "$EDGE_JAR" >"$LOGS/edge-gateway.log" 2>&1 &
PIDS+=($!)
wait_for inventory-service "$INV_MGMT/q/health/ready" 180
wait_for quality-service "$QS_MGMT/q/health/ready" 180
wait_for production-service "$PS_MGMT/q/health/ready" 180
wait_for order-service "$OS_MGMT/q/health/ready" 180
wait_for maintenance-service "$MS_MGMT/q/health/ready" 180
wait_for edge-gateway "$EDGE/q/health/ready" 120
edge_forwarding() { curl -fsS "$EDGE/q/health/group/cloud" >/dev/null 2>&1; }
until_ok 60 "the edge gateway's link to Kafka over TLS (see $EDGE/q/health/group/cloud and $LOGS/edge-gateway.log)" edge_forwarding
say "Edge gateway forwards plant-local's machine data over TLS: $(curl -fsS "$EDGE/q/metrics" \
  | awk '/^millwright_edge_forwarded_total/ {n += $2} END {printf "%d", n}') entries so far"

PROM="http://127.0.0.1:$PROMETHEUS_PORT"
if command -v prometheus >/dev/null; then
  say "Prometheus on $PROM: scraping every service and the edge gateway, with the alert rules (deploy/observability)"
  mkdir -p "$STATE/prometheus"
  cat > "$STATE/prometheus/prometheus.yml" <<EOP
global:
  scrape_interval: 15s
  evaluation_interval: 15s
rule_files:
  - $ROOT/deploy/observability/prometheus/millwright-alerts.yml
scrape_configs:
  - {job_name: order-service, metrics_path: /q/metrics, static_configs: [{targets: ["127.0.0.1:$((ORDER_SERVICE_PORT + 1000))"]}]}
  - {job_name: production-service, metrics_path: /q/metrics, static_configs: [{targets: ["127.0.0.1:$((PRODUCTION_SERVICE_PORT + 1000))"]}]}
  - {job_name: inventory-service, metrics_path: /q/metrics, static_configs: [{targets: ["127.0.0.1:$((INVENTORY_SERVICE_PORT + 1000))"]}]}
  - {job_name: quality-service, metrics_path: /q/metrics, static_configs: [{targets: ["127.0.0.1:$((QUALITY_SERVICE_PORT + 1000))"]}]}
  - {job_name: maintenance-service, metrics_path: /q/metrics, static_configs: [{targets: ["127.0.0.1:$((MAINTENANCE_SERVICE_PORT + 1000))"]}]}
  - {job_name: edge-gateway, metrics_path: /q/metrics, static_configs: [{targets: ["127.0.0.1:$EDGE_GATEWAY_PORT"]}]}
EOP
  prometheus --config.file="$STATE/prometheus/prometheus.yml" --storage.tsdb.path="$STATE/prometheus/data" \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$LOGS/prometheus.log" 2>&1 &
  PIDS+=($!)
  wait_for prometheus "$PROM/-/ready" 30
else
  PROM="(not started: install Debian's prometheus package)"
  say "Prometheus not started: no prometheus binary (apt-get install prometheus)"
fi

say "Operations console on $CONSOLE"
env OIDC_CLIENT_ID=millwright-console OIDC_CLIENT_SECRET="$CONSOLE_CLIENT_SECRET" CONSOLE_PORT="$CONSOLE_PORT" \
  CONSOLE_MANAGEMENT_PORT="$((CONSOLE_PORT + 1000))" ORDER_SERVICE_URL="$OS" PRODUCTION_SERVICE_URL="$PS" INVENTORY_SERVICE_URL="$INV" \
  QUALITY_SERVICE_URL="$QS" MAINTENANCE_SERVICE_URL="$MS" EDGE_GATEWAYS="plant-local=$EDGE" PROMETHEUS_URL="http://127.0.0.1:$PROMETHEUS_PORT" \
  java -Xmx128m "$QUIET_OTEL" -jar "$CONSOLE_JAR" >"$LOGS/operations-console.log" 2>&1 &
PIDS+=($!)
wait_for operations-console "http://127.0.0.1:$((CONSOLE_PORT + 1000))/q/health/ready" 120

say "Wiring the simulators to the services"
post_json "$SIM/sim/erp/settings" "{\"releaseCallbackUrl\":\"$PS/soap/erp-callback\",\"autoRelease\":true}" >/dev/null
post_json "$SIM/sim/mes/settings" "{\"productionServiceBaseUrl\":\"$PS\",\"autoAcknowledge\":true,\"ackDelayMs\":1000}" >/dev/null
post_json "$SIM/sim/wms/settings" "{\"inventoryServiceBaseUrl\":\"$INV\",\"orderServiceBaseUrl\":\"$OS\"}" >/dev/null
post_json "$SIM/sim/qms/settings" "{\"qualityServiceBaseUrl\":\"$QS\"}" >/dev/null

CRM_ORDER_ID="CRM-DEMO-$(date +%s)"
DELIVERY_DATE="$(date -u -d '+30 days' +%F 2>/dev/null || date -u +%F)"
say "Posting sample CRM order $CRM_ORDER_ID as the CRM (client credentials of client crm)"
ORDER_JSON="$(sed -e "s/\${CRM_ORDER_ID}/$CRM_ORDER_ID/" -e "s/\${DELIVERY_DATE}/$DELIVERY_DATE/" "$ROOT/deploy/local/sample-order.json")"
RESPONSE="$(curl -fsS -H 'Content-Type: application/json' -H "X-Correlation-Id: demo-$CRM_ORDER_ID" \
  -H "Authorization: Bearer $(client_token crm "$CRM_CLIENT_SECRET")" \
  -d "$ORDER_JSON" "$OS/api/v1/orders")"
ORDER_ID="$(jq -r '.id // empty' <<<"$RESPONSE")"
[ -n "$ORDER_ID" ] || die "unexpected response: $RESPONSE"
order_confirmed() { test "$(api_get "$OS/api/v1/orders/$ORDER_ID" | jq -r .status)" = CONFIRMED; }
until_ok 60 "order $ORDER_ID to be CONFIRMED by the ERP" order_confirmed
SALES_ORDER="$(api_get "$OS/api/v1/orders/$ORDER_ID" | jq -r .erpSalesOrderNumber)"
say "Order $ORDER_ID is CONFIRMED as ERP sales order $SALES_ORDER"

# The ERP releases one production order per manufactured line of the sales order
MANUFACTURED="$(jq '[.lines[] | select(.itemId == "FG-100" or .itemId == "FG-200")] | length' <<<"$ORDER_JSON")"
released_orders() {
  curl -fsS "$SIM/sim/erp/production-orders" | jq -c --arg so "$SALES_ORDER" '[.[] | select(.salesOrderNumber == $so and .releasedAt != null)]'
}
all_released() { test "$(released_orders | jq length)" -ge "$MANUFACTURED"; }
until_ok 60 "the ERP to release $MANUFACTURED production order(s) for $SALES_ORDER" all_released
PRODUCTION_ORDERS="$(released_orders)"
NUMBERS="$(jq -r '.[].productionOrderNumber' <<<"$PRODUCTION_ORDERS")"
say "Released: $(echo $NUMBERS)"

acknowledged() { test "$(api_get "$PS/api/v1/production-orders/$1" | jq -r .status)" = ACKNOWLEDGED; }
for number in $NUMBERS; do
  until_ok 90 "$number to be dispatched to the MES and acknowledged" acknowledged "$number"
  say "$number acknowledged by the MES; MES sends consumption of each component and the final yield"
  order="$(jq -c --arg n "$number" '.[] | select(.productionOrderNumber == $n)' <<<"$PRODUCTION_ORDERS")"
  confirmations="$(jq -c '
      (.productionOrderNumber) as $po
      | [ (.components[] | {productionOrderId: $po, type: "CONSUMPTION", operationNumber, materialId: .itemId,
                            quantity: {value: .requiredQuantity, unit: .unitOfMeasure}, operatorId: "OP-17",
                            finalConfirmation: false}),
          {productionOrderId: $po, type: "YIELD", operationNumber: (.operations | last | .operationNumber),
           materialId: .itemId, quantity: {value: .quantity, unit: .unitOfMeasure}, operatorId: "OP-17",
           finalConfirmation: true} ] | .[]' <<<"$order")"
  while IFS= read -r confirmation; do
    sent="$(post_json "$SIM/sim/mes/confirmations" "$confirmation")"
    printf '    %s %s %s %s → HTTP %s\n' "$(jq -r .confirmationId <<<"$sent")" "$(jq -r .type <<<"$confirmation")" \
      "$(jq -r .materialId <<<"$confirmation")" "$(jq -r '.quantity.value' <<<"$confirmation")" "$(jq -r .status <<<"$sent")"
    [ "$(jq -r .status <<<"$sent")" = 202 ] || die "production-service did not accept $confirmation: $sent"
  done <<<"$confirmations"
done

has_milestone() { api_get "$OS/api/v1/orders/$ORDER_ID" | jq -e --arg m "$1" 'any(.timeline[]; .step == $m)' >/dev/null; }
until_ok 120 "order $ORDER_ID to reach READY_TO_SHIP (see $OS/api/v1/orders/$ORDER_ID)" has_milestone READY_TO_SHIP
crm_has() { curl -fsS "$SIM/sim/crm/milestones?crmOrderId=$CRM_ORDER_ID" | jq -e --arg m "$1" 'any(.[]; .milestone == $m)' >/dev/null; }
until_ok 30 "the CRM simulator to receive READY_TO_SHIP" crm_has READY_TO_SHIP
say "Order $ORDER_ID is READY_TO_SHIP"
FIRST_PO="$(echo $NUMBERS | cut -d' ' -f1)"
FIRST_LOT="$(jq -r '.[0].lot' <<<"$PRODUCTION_ORDERS")"
FIRST_ITEM="$(jq -r '.[0].itemId' <<<"$PRODUCTION_ORDERS")"
made_from() { api_get "$QS/api/v1/lots/$FIRST_LOT/genealogy?direction=components" | jq -e '.lot.madeFrom | length > 0' >/dev/null; }
until_ok 30 "quality-service to know what lot $FIRST_LOT was made from (see $LOGS/quality-service.log)" made_from
say "Lot $FIRST_LOT was made from: $(api_get "$QS/api/v1/lots/$FIRST_LOT/genealogy?direction=components" \
  | jq -r '[.lot.madeFrom[] | "\(.lot) (\(.itemId), \(.quantity) \(.unit))"] | join(", ")')"

# The QMS inspects the produced lot: it fails (the lot goes on quality hold in the ERP and the WMS, a quality case
# opens in the QMS), then a re-inspection passes and the QMS's usage decision releases it.
lot_in() { api_get "$INV/api/v1/balances?item=$FIRST_ITEM&lot=$FIRST_LOT" | jq -e --arg s "$1" 'any(.[]; .status == $s)' >/dev/null; }
sent="$(post_json "$SIM/sim/qms/results" "{\"lotId\":\"$FIRST_LOT\",\"verdict\":\"FAIL\"}")"
[ "$(jq -r .status <<<"$sent")" = 201 ] || die "quality-service did not take the QMS's result: $sent"
until_ok 60 "lot $FIRST_LOT to be on quality hold in inventory (see $LOGS/quality-service.log, $LOGS/inventory-service.log)" lot_in QUALITY_HOLD
qms_case() { curl -fsS "$SIM/sim/qms/cases?lotId=$FIRST_LOT" | jq -e 'length > 0' >/dev/null; }
until_ok 60 "the QMS to receive the quality case of lot $FIRST_LOT" qms_case
say "The QMS failed lot $FIRST_LOT ($(jq -r .resultId <<<"$sent")): on quality hold in ERP and WMS, QMS case $(curl -fsS \
  "$SIM/sim/qms/cases?lotId=$FIRST_LOT" | jq -r '.[0].qmsCaseId')"
post_json "$SIM/sim/qms/results" "{\"lotId\":\"$FIRST_LOT\",\"verdict\":\"PASS\"}" >/dev/null
decided="$(post_json "$SIM/sim/qms/usage-decisions" "{\"lotId\":\"$FIRST_LOT\",\"decision\":\"ACCEPT\",\"code\":\"A1\",\"reason\":\"re-inspection passed\"}")"
[ "$(jq -r .status <<<"$decided")" = 200 ] || die "quality-service did not take the QMS's usage decision: $decided"
lot_free() { lot_in UNRESTRICTED && ! lot_in QUALITY_HOLD; }
until_ok 60 "lot $FIRST_LOT to be released in inventory" lot_free
say "A re-inspection passed and the QMS accepted lot $FIRST_LOT: released in ERP and WMS"

# The order was at risk while its lot was held (the CRM heard AT_RISK, then RISK_CLEARED); its delivery is with the
# WMS, which ships it now and confirms the shipment.
crm_heard() { curl -fsS "$SIM/sim/crm/milestones?crmOrderId=$CRM_ORDER_ID" | jq -e --arg m "$1" 'any(.[]; .milestone == $m)' >/dev/null; }
until_ok 60 "the CRM simulator to hear that the order was at risk" crm_heard AT_RISK
until_ok 60 "the CRM simulator to hear that the risk was cleared" crm_heard RISK_CLEARED
delivery_at_wms() { curl -fsS "$SIM/sim/wms/deliveries?orderId=$ORDER_ID" | jq -e 'length > 0' >/dev/null; }
until_ok 60 "the WMS to have the order's delivery" delivery_at_wms
shipped="$(curl -fsS -X POST "$SIM/sim/wms/deliveries/DL-$ORDER_ID/ship")"
[ "$(jq -r .confirmStatus <<<"$shipped")" = 200 ] || die "order-service did not take the WMS's shipment: $shipped"
until_ok 60 "order $ORDER_ID to reach SHIPPED" has_milestone SHIPPED
until_ok 30 "the CRM simulator to receive SHIPPED" crm_has SHIPPED
say "The WMS shipped order $ORDER_ID ($(jq -r .shipmentId <<<"$shipped")); milestones the CRM received:"
curl -fsS "$SIM/sim/crm/milestones?crmOrderId=$CRM_ORDER_ID" | jq -r '.[] | "    \(.reachedAt)  \(.milestone)  \(.detail // "")"'
# the order's journey across every service, as the console assembles it (the JSON of its Journey page)
journey_of() { curl -fsS -o "$STATE/journey.json" -w '%{time_total}' -H 'Accept: application/json' -H "Authorization: Bearer $1" \
  "$CONSOLE/journey?kind=crm-order&id=$CRM_ORDER_ID"; }
TOKEN_NOW="$(operator_token)"
first="$(journey_of "$TOKEN_NOW")"; again="$(journey_of "$TOKEN_NOW")"
say "The console follows order $CRM_ORDER_ID across $(jq -r '[.steps[].system] | unique | join(", ")' "$STATE/journey.json"):\
 $(jq -r '.steps | length' "$STATE/journey.json") steps from $(jq -r '.followed | length' "$STATE/journey.json") keys in\
 $(awk -v t="$first" 'BEGIN {printf "%d", t * 1000}') ms, again in $(awk -v t="$again" 'BEGIN {printf "%d", t * 1000}') ms\
 ($CONSOLE/journey?kind=crm-order&id=$CRM_ORDER_ID)"

# Predictive maintenance: a second order goes to production; while it is on RES-CNC-01 the press faults.
CRM_ORDER_2="CRM-DEMO-$(date +%s)-2"
say "Posting a second CRM order $CRM_ORDER_2; it will be on the press (cnc-1, resource RES-CNC-01) when it faults"
ORDER_2_JSON="$(sed -e "s/\${CRM_ORDER_ID}/$CRM_ORDER_2/" -e "s/\${DELIVERY_DATE}/$DELIVERY_DATE/" "$ROOT/deploy/local/sample-order.json" \
  | jq '.lines |= [.[] | select(.itemId == "FG-100")]')"
ORDER_2="$(curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $(client_token crm "$CRM_CLIENT_SECRET")" \
  -d "$ORDER_2_JSON" "$OS/api/v1/orders" | jq -r '.id // empty')"
[ -n "$ORDER_2" ] || die "the second order was not accepted"
order_2_confirmed() { test "$(api_get "$OS/api/v1/orders/$ORDER_2" | jq -r .status)" = CONFIRMED; }
until_ok 60 "order $ORDER_2 to be CONFIRMED by the ERP" order_2_confirmed
SALES_ORDER_2="$(api_get "$OS/api/v1/orders/$ORDER_2" | jq -r .erpSalesOrderNumber)"
released_2() { curl -fsS "$SIM/sim/erp/production-orders" | jq -e --arg so "$SALES_ORDER_2" 'any(.[]; .salesOrderNumber == $so and .releasedAt != null)' >/dev/null; }
until_ok 60 "the ERP to release the production order of $SALES_ORDER_2" released_2
PO_2_JSON="$(curl -fsS "$SIM/sim/erp/production-orders" | jq -c --arg so "$SALES_ORDER_2" '[.[] | select(.salesOrderNumber == $so)][0]')"
PO_2="$(jq -r .productionOrderNumber <<<"$PO_2_JSON")"; LOT_2="$(jq -r .lot <<<"$PO_2_JSON")"
until_ok 90 "$PO_2 to be dispatched to the MES and acknowledged" acknowledged "$PO_2"
# the press starts on it (the MES books 15 minutes of labour on its first operation): the press's active work order
labour="$(jq -c '{productionOrderId: .productionOrderNumber, type: "LABOUR", operationNumber: .operations[0].operationNumber,
  quantity: {value: 15, unit: "MIN"}, operatorId: "OP-17", finalConfirmation: false}' <<<"$PO_2_JSON")"
[ "$(post_json "$SIM/sim/mes/confirmations" "$labour" | jq -r .status)" = 202 ] || die "production-service did not accept $labour"
on_press() { test "$(api_get "$PS/api/v1/resources/RES-CNC-01/active-work-order" 2>/dev/null | jq -r .productionOrderId)" = "$PO_2"; }
until_ok 60 "$PO_2 to be the press's active work order" on_press
say "$PO_2 is on the press; the press signals fault 17 (hydraulic pressure low) and stops"
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"value":17}' "$SIM/sim/plc/registers/2" >/dev/null
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"value":2}' "$SIM/sim/plc/registers/1" >/dev/null
incident_on_press() { api_get "$MS/api/v1/incidents?assetId=cnc-1&limit=1" | jq -e --arg po "$PO_2" \
  '.[0].incident.affectedProductionOrderIds // [] | index($po) != null' >/dev/null; }
until_ok 60 "maintenance-service to open an incident for the press, on $PO_2 (see $LOGS/maintenance-service.log)" incident_on_press
INCIDENT="$(api_get "$MS/api/v1/incidents?assetId=cnc-1&limit=1" | jq -r '.[0].incident.incidentId')"
eam_has() { curl -fsS "$SIM/sim/eam/work-requests?externalId=$INCIDENT" | jq -e 'length > 0' >/dev/null; }
until_ok 60 "the EAM to receive the work request of $INCIDENT" eam_has
erp_posting() { curl -fsS "$SIM/sim/erp/postings?type=$1" | jq -e --arg k "$2" 'any(.[]; .businessKey == $k)' >/dev/null; }
until_ok 60 "the ERP to receive the spare parts of $INCIDENT" erp_posting maintenance-cost "$INCIDENT-PARTS"
crm_2_heard() { curl -fsS "$SIM/sim/crm/milestones?crmOrderId=$CRM_ORDER_2" | jq -e --arg m "$1" 'any(.[]; .milestone == $m)' >/dev/null; }
until_ok 60 "the CRM simulator to hear that $CRM_ORDER_2 is at risk" crm_2_heard AT_RISK
say "Incident $INCIDENT: EAM work request $(curl -fsS "$SIM/sim/eam/work-requests?externalId=$INCIDENT" | jq -r '.[0].workRequestId'), \
spare parts in the ERP, order $ORDER_2 at risk (the CRM heard AT_RISK)"
say "The MES finishes $PO_2 on the press meanwhile; then the press is repaired and runs again"
while IFS= read -r confirmation; do
  sent="$(post_json "$SIM/sim/mes/confirmations" "$confirmation")"
  [ "$(jq -r .status <<<"$sent")" = 202 ] || die "production-service did not accept $confirmation: $sent"
done < <(jq -c '(.productionOrderNumber) as $po | (.operations | map(.operationNumber)) as $ops
    | [ {productionOrderId: $po, type: "YIELD", operationNumber: $ops[0], materialId: .itemId,
         quantity: {value: .quantity, unit: .unitOfMeasure}, operatorId: "OP-17", finalConfirmation: false},
        {productionOrderId: $po, type: "YIELD", operationNumber: ($ops | last), materialId: .itemId,
         quantity: {value: .quantity, unit: .unitOfMeasure}, operatorId: "OP-17", finalConfirmation: true} ] | .[]' <<<"$PO_2_JSON")
lot_2_known() { api_get "$QS/api/v1/lots/$LOT_2/genealogy" >/dev/null 2>&1; }
until_ok 60 "quality-service to know lot $LOT_2" lot_2_known
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"value":0}' "$SIM/sim/plc/registers/2" >/dev/null
curl -fsS -X PUT -H 'Content-Type: application/json' -d '{"value":1}' "$SIM/sim/plc/registers/1" >/dev/null
until_ok 90 "the ERP to receive the downtime of $INCIDENT (resolves 10 s after the fault cleared)" erp_posting downtime "$INCIDENT-DOWNTIME"
lot_2_held() { api_get "$INV/api/v1/balances?item=FG-100&lot=$LOT_2" | jq -e 'any(.[]; .status == "QUALITY_HOLD")' >/dev/null; }
until_ok 60 "lot $LOT_2, made during the anomaly, to be on hold in inventory" lot_2_held
say "Incident $INCIDENT resolved: downtime posted to the ERP, the work request resolved in the EAM, lot $LOT_2 held; its timeline:"
api_get "$MS/api/v1/incidents/$INCIDENT" | jq -r '.timeline[] | "    \(.at)  \(.step)  [\(.system)]  trace \(.traceId)"'

if [[ "$PROM" == http* ]]; then
  say "Prometheus scrapes $(curl -fsS "$PROM/api/v1/query?query=sum(up)" | jq -r '.data.result[0].value[1] // "0"') of 6 targets up"
fi

cat <<EOT

Operations console: $CONSOLE   (log in as operator or viewer; passwords OPERATOR_PASSWORD / VIEWER_PASSWORD in .local/secrets.env)
  the sample order's journey     $CONSOLE/journey?kind=crm-order&id=$CRM_ORDER_ID
  its lot's genealogy            $CONSOLE/lots?lot=$FIRST_LOT

Prometheus (every service and the edge gateway, the alert rules): $PROM   (alerts: $PROM/alerts)

Millwright is running. Every API wants a bearer token of Keycloak ($KC, realm millwright, admin console
$KC/admin as admin; the local run's secrets are in .local/secrets.env). As the operator:
  . .local/secrets.env
  TOKEN=\$(curl -s -d grant_type=password -d client_id=millwright-cli -d username=operator --data-urlencode password="\$OPERATOR_PASSWORD" \\
    $REALM_URL/protocol/openid-connect/token | jq -r .access_token)
  curl -H "Authorization: Bearer \$TOKEN" $OS/api/v1/orders/$ORDER_ID
As a system (client credentials of crm, mes, wms, qms or eam):
  curl -s -d grant_type=client_credentials -d client_id=crm -d client_secret="\$CRM_CLIENT_SECRET" $REALM_URL/protocol/openid-connect/token

Look at:
  Order status + timeline        $OS/api/v1/orders/$ORDER_ID
  Production order + timeline    $PS/api/v1/production-orders/$FIRST_PO   and   $PS/api/v1/production-orders/$FIRST_PO/timeline
  Production status              $PS/api/v1/status
  Produced lot in stock          $INV/api/v1/balances?item=$FIRST_ITEM&lot=$FIRST_LOT
  Availability                   $INV/api/v1/availability?item=$FIRST_ITEM&qty=1
  Goods movements                $INV/api/v1/movements?item=$FIRST_ITEM
  What the lot was made from     $QS/api/v1/lots/$FIRST_LOT/genealogy?direction=components
  The press's incident           $MS/api/v1/incidents/$INCIDENT   (all: $MS/api/v1/incidents; EAM: $SIM/sim/eam/work-requests)
  The press's downtime           $MS/api/v1/resources/RES-CNC-01/downtime   (edge sources and gaps: $MS/api/v1/edge/sources)
  The press's PLC                $SIM/sim/plc/registers   (fault it: curl -X PUT -H 'Content-Type: application/json' -d '{"value":17}' $SIM/sim/plc/registers/2)
  The lot's quality              $QS/api/v1/lots/$FIRST_LOT/quality   (QMS: $SIM/sim/qms/cases   $SIM/sim/qms/results)
  Milestones the CRM received    $SIM/sim/crm/milestones?crmOrderId=$CRM_ORDER_ID
  Swagger UI                     $OS/q/swagger-ui   $PS/q/swagger-ui   $INV/q/swagger-ui   $QS/q/swagger-ui   $MS/q/swagger-ui
  Dead letters                   $OS/api/v1/dead-letters   $PS/api/v1/dead-letters   $INV/api/v1/dead-letters   $QS/api/v1/dead-letters   $MS/api/v1/dead-letters
  Health                         $OS_MGMT/q/health   $PS_MGMT/q/health   $INV_MGMT/q/health   $QS_MGMT/q/health   $MS_MGMT/q/health   $EDGE/q/health
  Prometheus                     $PROM/graph   (Grafana dashboards to import: deploy/observability/grafana/*.json)
  Metrics (Prometheus)           $OS_MGMT/q/metrics   $PS_MGMT/q/metrics   $INV_MGMT/q/metrics   $QS_MGMT/q/metrics   $MS_MGMT/q/metrics   $EDGE/q/metrics
  Edge gateway status page       $EDGE/status   (plant file deploy/local/plant.yaml, journal $STATE/edge)
  ERP simulator                  $SIM/sim/erp/sales-orders   $SIM/sim/erp/production-orders   $SIM/sim/erp/postings?type=movement
  MES simulator                  $SIM/sim/mes/work-orders   $SIM/sim/mes/confirmations
  ERP WSDL                       $SIM/soap/erp?wsdl
  Kafka                          127.0.0.1:$KAFKA_PORT  (kcat -b 127.0.0.1:$KAFKA_PORT -t millwright.order.events -C -J)
                                 TLS + SCRAM on 127.0.0.1:$KAFKA_TLS_PORT (CA: $KAFKA_TLS_DIR/ca.pem); edge data on
                                 millwright.edge.telemetry and millwright.edge.events
  Logs                           $LOGS

Try an ERP outage (60 s), then post another order and watch it wait for ERP, then confirm:
  curl -X POST -H 'Content-Type: application/json' -d '{"mode":"UNAVAILABLE","durationSeconds":60}' $SIM/sim/erp/faults
  sed -e "s/\\\${CRM_ORDER_ID}/CRM-DEMO-\$(date +%s)/" -e "s/\\\${DELIVERY_DATE}/$DELIVERY_DATE/" deploy/local/sample-order.json \\
    | curl -sS -H 'Content-Type: application/json' -H "Authorization: Bearer \$(curl -s -d grant_type=client_credentials \\
        -d client_id=crm -d client_secret="\$CRM_CLIENT_SECRET" $REALM_URL/protocol/openid-connect/token | jq -r .access_token)" \\
        -d @- $OS/api/v1/orders
EOT

if [ $WAIT = 1 ]; then
  say "Press Ctrl-C to stop"
  wait
fi
