package io.millwright.k8s;

import static io.millwright.k8s.Manifests.K8S;
import static io.millwright.k8s.Manifests.container;
import static io.millwright.k8s.Manifests.list;
import static io.millwright.k8s.Manifests.map;
import static io.millwright.k8s.Manifests.name;
import static io.millwright.k8s.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every overlay renders with {@code kubectl kustomize}, and every resource it renders - built-in kinds and the
 * Strimzi, CloudNativePG and prometheus-operator custom resources - is valid against the pinned schema of its kind
 * (k8s/schemas, strict: unknown fields are errors). The pods run the way the platform promises: non-root, read-only
 * root filesystem, probes, memory limits, secrets only by reference.
 */
class RenderedManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final Map<Path, JsonSchema> LOADED = new HashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedResourceIsValidAgainstTheSchemaOfItsKind(String overlay) throws Exception {
        List<Map<String, Object>> resources = Manifests.render(overlay);
        assertThat(resources).hasSizeGreaterThan(40);
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            errors.addAll(validate(resource));
        }
        assertThat(errors).as("schema errors in overlays/%s", overlay).isEmpty();
    }

    @Test
    void theValidationCatchesAMistypedFieldAWrongTypeAndAKindWithoutSchema() {
        Map<String, Object> deployment = Manifests.loadAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: x, image: x, ports: [{containerPort: "eighty"}]}]
                """).get(0);
        assertThat(validate(deployment)).anySatisfy(e -> assertThat(e).contains("replica"))
                .anySatisfy(e -> assertThat(e).contains("containerPort"));
        Map<String, Object> topic = Manifests.loadAll("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, lables: {a: b}}
                spec: {partitions: three, replicas: 1}
                """).get(0);
        assertThat(validate(topic)).anySatisfy(e -> assertThat(e).contains("partitions"))
                .anySatisfy(e -> assertThat(e).contains("lables"));
        assertThat(validate(Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic", "metadata", Map.of("name", "t"))))
                .singleElement().satisfies(e -> assertThat(e).contains("no schema"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodRunsHardenedWithProbesAndLimits(String overlay) throws Exception {
        List<Map<String, Object>> deployments = ofKind(Manifests.render(overlay), "Deployment");
        assertThat(deployments).extracting(Manifests::name).containsAll(Manifests.SERVICES);
        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            Map<String, Object> container = container(deployment);
            assertThat(map(pod, "securityContext")).as(name).containsEntry("runAsNonRoot", true);
            assertThat(pod).as(name).containsEntry("automountServiceAccountToken", false);
            assertThat(map(container, "securityContext")).as(name)
                    .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
            assertThat(list(container, "volumeMounts")).as(name).anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/tmp"));
            assertThat(container).as(name).containsKeys("startupProbe", "livenessProbe", "readinessProbe");
            assertThat(map(container, "resources", "limits")).as(name).containsKey("memory");
            assertThat(map(container, "resources", "requests")).as(name).containsKeys("cpu", "memory");
            for (Map<String, Object> env : list(container, "env")) {
                if (String.valueOf(env.get("name")).matches(".*(PASSWORD|SECRET).*")) {
                    assertThat(map(env, "valueFrom")).as("%s %s comes from a Secret", name, env.get("name")).containsKey("secretKeyRef");
                }
            }
            if (Manifests.SERVICES.contains(name)) {
                assertThat(map(container, "readinessProbe", "httpGet")).as(name)
                        .containsEntry("path", "/q/health/ready").containsEntry("port", "management");
                assertThat(list(container, "ports")).extracting(p -> p.get("name")).as(name).containsExactly("http", "management");
            }
        }
        assertThat(ofKind(Manifests.render(overlay), "Secret")).as("secrets are created by the platform team, never kept here").isEmpty();
    }

    @Test
    void prodRunsTwoReplicasOfEveryServiceWithBackupsAndDevRunsTheSimulators() throws Exception {
        List<Map<String, Object>> prod = Manifests.render("prod");
        for (Map<String, Object> deployment : ofKind(prod, "Deployment")) {
            assertThat(map(deployment, "spec")).as(name(deployment)).containsEntry("replicas", 2);
        }
        assertThat(map(Manifests.named(prod, "Cluster", "millwright-db").orElseThrow(), "spec", "backup")).containsKey("barmanObjectStore");
        assertThat(ofKind(prod, "ScheduledBackup")).hasSize(1);
        assertThat(Manifests.named(prod, "Deployment", "simulators")).isEmpty();
        List<Map<String, Object>> dev = Manifests.render("dev");
        assertThat(Manifests.named(dev, "Deployment", "simulators")).isPresent();
    }

    /** The schema errors of one resource (its kind's schema, and the object metadata of custom resources). */
    private static List<String> validate(Map<String, Object> resource) {
        String apiVersion = (String) resource.get("apiVersion");
        String kind = (String) resource.get("kind");
        String where = kind + " " + name(resource) + ": ";
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "core";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String file = group + "_" + version + "_" + kind + ".json";
        Path schema = Files.exists(K8S.resolve("schemas/kubernetes").resolve(file)) ? K8S.resolve("schemas/kubernetes").resolve(file)
                : K8S.resolve("schemas/crds").resolve(file);
        if (!Files.exists(schema)) {
            return List.of(where + "no schema for " + apiVersion + " " + kind + " in k8s/schemas (update.sh)");
        }
        JsonNode node = JSON.valueToTree(resource);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : schema(schema).validate(node)) {
            errors.add(where + message.getMessage());
        }
        if (schema.startsWith(K8S.resolve("schemas/crds"))) {
            for (ValidationMessage message : schema(K8S.resolve("schemas/kubernetes/meta_v1_ObjectMeta.json")).validate(node.get("metadata"))) {
                errors.add(where + "metadata: " + message.getMessage());
            }
        }
        return errors;
    }

    private static synchronized JsonSchema schema(Path path) {
        return LOADED.computeIfAbsent(path, p -> {
            try {
                return SCHEMAS.getSchema(JSON.readTree(p.toFile()));
            } catch (IOException e) {
                throw new AssertionError("cannot read " + p, e);
            }
        });
    }
}
