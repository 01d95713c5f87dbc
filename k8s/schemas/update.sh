#!/usr/bin/env bash
# Regenerates the schemas the manifests are validated against (k8s/src/test/.../RenderedManifestsTest) from the
# projects' own repositories at pinned versions. Run it when a pinned version changes; commit what it writes.
#   k8s/schemas/update.sh <kubernetes-client/python clone> <strimzi-kafka-operator clone> <cloudnative-pg clone> <prometheus-operator clone>
# Each clone needs the tag named below (git fetch --tags).
set -euo pipefail
KUBERNETES_CLIENT_TAG=v36.0.3   # kubernetes-client/python at Kubernetes 1.36: kubernetes/swagger.json.unprocessed
STRIMZI_TAG=0.49.0              # Kafka 4.1.1 is its default, the version the platform's own broker runs
CNPG_TAG=v1.30.0
PROMETHEUS_OPERATOR_TAG=v0.93.0
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -eq 4 ] || { sed -n 2,6p "$0"; exit 2; }
k8s="$1"; strimzi="$2"; cnpg="$3"; promop="$4"
out="$here"; rm -rf "$out/kubernetes" "$out/crds"; mkdir -p "$out/kubernetes" "$out/crds"
git -C "$k8s" show "$KUBERNETES_CLIENT_TAG:kubernetes/swagger.json.unprocessed" > /tmp/millwright-k8s-swagger.json
crds=/tmp/millwright-crds; rm -rf "$crds"; mkdir -p "$crds"
for f in 040-Crd-kafka 043-Crd-kafkatopic 044-Crd-kafkauser 045-Crd-kafkanodepool; do
  git -C "$strimzi" show "$STRIMZI_TAG:packaging/install/cluster-operator/$f.yaml" > "$crds/strimzi-$f.yaml"; done
for f in clusters databases scheduledbackups; do
  git -C "$cnpg" show "$CNPG_TAG:config/crd/bases/postgresql.cnpg.io_$f.yaml" > "$crds/cnpg-$f.yaml"; done
for f in servicemonitors podmonitors prometheusrules; do
  git -C "$promop" show "$PROMETHEUS_OPERATOR_TAG:example/prometheus-operator-crd/monitoring.coreos.com_$f.yaml" > "$crds/promop-$f.yaml"; done
python3 "$here/strict_schemas.py" /tmp/millwright-k8s-swagger.json "$crds" "$out" \
  "kubernetes-client/python $KUBERNETES_CLIENT_TAG" "strimzi $STRIMZI_TAG" "cloudnative-pg $CNPG_TAG" "prometheus-operator $PROMETHEUS_OPERATOR_TAG"
