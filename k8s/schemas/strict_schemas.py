"""Turns the Kubernetes OpenAPI definitions and the operators' CRDs into strict, self-contained JSON Schemas
(draft-04), one file per kind and version. Strict like the API server with field validation on: an unknown field is an
error (additionalProperties: false wherever a schema lists properties and does not keep unknown fields).
Kubernetes' own extensions become plain JSON Schema: int-or-string and quantities accept a number or a string,
nullable accepts null. Descriptions and formats are dropped (formats are not checked)."""
import glob
import json
import os
import sys

import yaml

BUILT_IN = [  # (definition, API group): the file is <group>_<version>_<Kind>.json
    ("io.k8s.api.core.v1.Namespace", "core"),
    ("io.k8s.api.core.v1.ConfigMap", "core"),
    ("io.k8s.api.core.v1.Secret", "core"),
    ("io.k8s.api.core.v1.Service", "core"),
    ("io.k8s.api.core.v1.ServiceAccount", "core"),
    ("io.k8s.api.apps.v1.Deployment", "apps"),
    ("io.k8s.api.policy.v1.PodDisruptionBudget", "policy"),
    ("io.k8s.api.networking.v1.NetworkPolicy", "networking.k8s.io"),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "meta"),  # metadata of custom resources
]
NUMBER_OR_STRING = {"anyOf": [{"type": "number"}, {"type": "string"}]}
INTEGER_OR_STRING = {"anyOf": [{"type": "integer"}, {"type": "string"}]}


def strict(node):
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    keep_unknown = node.get("x-kubernetes-preserve-unknown-fields") is True
    if node.get("x-kubernetes-int-or-string") is True or node.get("format") == "int-or-string":
        return dict(INTEGER_OR_STRING)
    out = {}
    for key, value in node.items():
        if key in ("description", "format", "example", "default", "nullable") or key.startswith("x-kubernetes-"):
            continue
        if key in ("properties", "definitions", "patternProperties"):
            out[key] = {name: strict(schema) for name, schema in value.items()}
        else:
            out[key] = strict(value)
    if node.get("nullable") is True and isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if "properties" in out and "additionalProperties" not in out and not keep_unknown:
        out["additionalProperties"] = False
    return out


def closure(definitions, name, seen):
    if name in seen:
        return
    seen.add(name)

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref:
                closure(definitions, ref.split("/")[-1], seen)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(definitions[name])


def write(path, schema, source):
    schema = {"$schema": "http://json-schema.org/draft-04/schema#", "title": source, **schema}
    with open(path, "w") as f:
        json.dump(schema, f, indent=1, sort_keys=True)
        f.write("\n")


def main(swagger, crd_dir, out, k8s_source, *crd_sources):
    definitions = json.load(open(swagger))["definitions"]
    definitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = INTEGER_OR_STRING
    definitions["io.k8s.apimachinery.pkg.api.resource.Quantity"] = NUMBER_OR_STRING
    for name, group in BUILT_IN:
        file = "%s_%s_%s" % (group, name.split(".")[-2], name.split(".")[-1])
        needed = set()
        closure(definitions, name, needed)
        schema = {"allOf": [{"$ref": "#/definitions/" + name}],
                  "definitions": {n: strict(definitions[n]) for n in sorted(needed)}}
        write(os.path.join(out, "kubernetes", file + ".json"), schema, k8s_source + " " + name)
    sources = {s.split(" ")[0].split("/")[-1]: s for s in crd_sources}
    for path in sorted(glob.glob(os.path.join(crd_dir, "*.yaml"))):
        project = os.path.basename(path).split("-")[0]
        source = {"strimzi": sources["strimzi"], "cnpg": sources["cloudnative-pg"],
                  "promop": sources["prometheus-operator"]}[project]
        for crd in yaml.safe_load_all(open(path)):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            for version in spec["versions"]:
                if not version.get("served") or version["name"] != "v1":
                    continue  # the manifests use v1 of every custom resource
                schema = strict(version["schema"]["openAPIV3Schema"])
                file = "%s_%s_%s.json" % (spec["group"], version["name"], spec["names"]["kind"])
                write(os.path.join(out, "crds", file), schema, "%s %s" % (source, crd["metadata"]["name"]))


if __name__ == "__main__":
    main(*sys.argv[1:])
