#!/usr/bin/env bash
# Installs the JVM build of the edge gateway as a systemd service.
# Usage (as root, from the checkout after ./mvnw -o -f edge-gateway/pom.xml package -DskipTests):
#   deploy/edge/install.sh /path/to/plant.yaml
set -euo pipefail

plant_file=${1:?usage: install.sh /path/to/plant.yaml}
here=$(cd "$(dirname "$0")" && pwd)
app="$here/../../edge-gateway/target/quarkus-app"

[ -f "$app/quarkus-run.jar" ] || { echo "no build at $app: run ./mvnw -o -f edge-gateway/pom.xml package -DskipTests" >&2; exit 1; }
command -v java >/dev/null || { echo "java 17+ is required" >&2; exit 1; }

id millwright-edge >/dev/null 2>&1 || useradd --system --home-dir /opt/millwright-edge --shell /usr/sbin/nologin millwright-edge
install -d -o root -g root -m 0755 /opt/millwright-edge /etc/millwright
install -d -o millwright-edge -g millwright-edge -m 0750 /var/lib/millwright-edge
# OPC UA: the gateway's key store (own/) and the pinned server certificates (servers/), see docs/edge-gateway.md
install -d -o millwright-edge -g millwright-edge -m 0700 /var/lib/millwright-edge/opcua /var/lib/millwright-edge/opcua/own /var/lib/millwright-edge/opcua/servers
rm -rf /opt/millwright-edge/quarkus-app
cp -r "$app" /opt/millwright-edge/quarkus-app
install -o root -g millwright-edge -m 0640 "$plant_file" /etc/millwright/plant.yaml
[ -f /etc/millwright/edge.env ] || install -o root -g millwright-edge -m 0640 "$here/edge.env.example" /etc/millwright/edge.env
install -o root -g root -m 0644 "$here/millwright-edge.service" /etc/systemd/system/millwright-edge.service

systemctl daemon-reload
systemctl enable --now millwright-edge.service
echo "installed; edit /etc/millwright/edge.env (Kafka address) and: systemctl restart millwright-edge"
echo "health: curl -s localhost:\${EDGE_GATEWAY_PORT:-8085}/q/health/ready ; plc: /q/health/group/plc"
