#!/usr/bin/env bash
# Installs (or upgrades) the JVM build of the edge gateway as a systemd service.
# Usage (as root, from the checkout after ./mvnw -pl edge-gateway -am package -DskipTests):
#   deploy/edge/install.sh /path/to/plant.yaml
# Layout: the application in /opt/millwright-edge, settings in /etc/millwright (plant.yaml, edge.env, tls/ for key
# and trust stores of the cloud link and of OPC UA), the journal in /var/lib/millwright-edge, all used by the system
# user millwright-edge.
# An upgrade keeps edge.env, tls/ and the journal (its backlog is forwarded by the new version).
set -euo pipefail

plant_file=${1:?usage: install.sh /path/to/plant.yaml}
here=$(cd "$(dirname "$0")" && pwd)
app="$here/../../edge-gateway/target/quarkus-app"

[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
[ -f "$app/quarkus-run.jar" ] || { echo "no build at $app: run ./mvnw -pl edge-gateway -am package -DskipTests" >&2; exit 1; }
[ -f "$plant_file" ] || { echo "no plant file at $plant_file" >&2; exit 1; }
# the unit starts /usr/bin/java: the distribution's JDK 17+ (e.g. Debian/Ubuntu openjdk-17-jre-headless)
[ -x /usr/bin/java ] || { echo "/usr/bin/java is missing: install Java 17+ (openjdk-17-jre-headless)" >&2; exit 1; }
systemd=0
[ -d /run/systemd/system ] && systemd=1

id millwright-edge >/dev/null 2>&1 || useradd --system --home-dir /opt/millwright-edge --shell /usr/sbin/nologin millwright-edge
install -d -o root -g root -m 0755 /opt/millwright-edge /etc/millwright
# key and trust stores: the cloud link's (tls/) and OPC UA's (tls/opcua/: the gateway's key store, and the pinned
# server certificates in tls/opcua/servers/), readable by the service, see docs/edge-gateway.md
install -d -o root -g millwright-edge -m 0750 /etc/millwright/tls /etc/millwright/tls/opcua /etc/millwright/tls/opcua/servers
install -d -o millwright-edge -g millwright-edge -m 0750 /var/lib/millwright-edge
# stop before replacing the application: a running JVM must not keep running on deleted files
if [ $systemd = 1 ] && systemctl is-active --quiet millwright-edge.service; then
  systemctl stop millwright-edge.service
fi
rm -rf /opt/millwright-edge/quarkus-app.new
cp -r "$app" /opt/millwright-edge/quarkus-app.new
rm -rf /opt/millwright-edge/quarkus-app
mv /opt/millwright-edge/quarkus-app.new /opt/millwright-edge/quarkus-app
install -o root -g millwright-edge -m 0640 "$plant_file" /etc/millwright/plant.yaml
[ -f /etc/millwright/edge.env ] || install -o root -g millwright-edge -m 0640 "$here/edge.env.example" /etc/millwright/edge.env
install -o root -g root -m 0644 "$here/millwright-edge.service" /etc/systemd/system/millwright-edge.service

if [ $systemd = 1 ]; then
  systemctl daemon-reload
  systemctl enable millwright-edge.service
  systemctl restart millwright-edge.service
  echo "installed and started; edit /etc/millwright/edge.env (Kafka address, TLS) and: systemctl restart millwright-edge"
else
  echo "installed; systemd is not running here, so the service was not started (systemctl enable --now millwright-edge)"
fi
echo "health: curl -s localhost:\${EDGE_GATEWAY_PORT:-8085}/q/health/ready ; status page: /status ; logs: journalctl -u millwright-edge"
