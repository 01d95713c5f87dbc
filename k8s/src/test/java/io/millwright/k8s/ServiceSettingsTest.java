package io.millwright.k8s;

import static io.millwright.k8s.Manifests.container;
import static io.millwright.k8s.Manifests.list;
import static io.millwright.k8s.Manifests.map;
import static io.millwright.k8s.Manifests.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the Deployments set is what the services read: every variable of a pod's own env and ConfigMap is one its
 * configuration (or the kit's) reads, every platform-wide one is read by some service, the rest are read by Quarkus
 * or the container image; the
 * database the manifests create has the schema each service migrates, owned by the role the service logs in as;
 * and every Secret a pod reads is listed for the platform team in docs/kubernetes.md.
 */
class ServiceSettingsTest {

    /** Read by Quarkus itself (QUARKUS_*) or by the image's start script. */
    private static final Pattern RUNTIME = Pattern.compile("QUARKUS_.*|JAVA_OPTS_APPEND|MALLOC_ARENA_MAX");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServicePodGetsIsOneTheServiceReads(String overlay) throws Exception {
        List<Map<String, Object>> resources = Manifests.render(overlay);
        Set<String> readByAny = new LinkedHashSet<>();
        Manifests.SERVICES.forEach(service -> readByAny.addAll(readVariables(service)));
        for (Map<String, Object> deployment : Manifests.ofKind(resources, "Deployment")) {
            String service = name(deployment);
            Set<String> read = readVariables(service);
            for (Map.Entry<String, String> variable : variables(resources, container(deployment)).entrySet()) {
                if (RUNTIME.matcher(variable.getKey()).matches()) {
                    continue;
                }
                if (variable.getValue().startsWith("millwright-platform")) {
                    assertThat(readByAny).as("%s: the platform's %s is read by a service", overlay, variable.getKey()).contains(variable.getKey());
                } else {
                    assertThat(read).as("%s: %s sets %s (%s), which %s reads", overlay, service, variable.getKey(), variable.getValue(), service)
                            .contains(variable.getKey());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceOwnsTheSchemaItMigratesAndLogsInAsItsRole(String overlay) throws Exception {
        List<Map<String, Object>> resources = Manifests.render(overlay);
        Map<String, Object> database = Manifests.named(resources, "Database", "millwright").orElseThrow();
        Map<String, Object> cluster = Manifests.named(resources, "Cluster", "millwright-db").orElseThrow();
        for (String service : Manifests.SERVICES) {
            String schema = property(service, "quarkus.flyway.schemas");
            assertThat(list(map(database, "spec"), "schemas")).as(service)
                    .anySatisfy(s -> assertThat(s).containsEntry("name", schema).containsEntry("owner", service));
            assertThat(list(map(cluster, "spec", "managed"), "roles")).as(service).anySatisfy(role -> {
                assertThat(role).containsEntry("name", service).containsEntry("login", true);
                assertThat(map(role, "passwordSecret")).containsEntry("name", "millwright-db-" + service);
            });
            Map<String, Object> container = container(Manifests.named(resources, "Deployment", service).orElseThrow());
            assertThat(list(container, "env")).as(service).anySatisfy(env -> {
                assertThat(env).containsEntry("name", "DB_USER");
                assertThat(map(env, "valueFrom", "secretKeyRef")).containsEntry("name", "millwright-db-" + service);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretAPodReadsIsListedForThePlatformTeam(String overlay) throws Exception {
        String docs = Manifests.read(Manifests.ROOT.resolve("docs/kubernetes.md"));
        Set<String> kafkaUsers = new LinkedHashSet<>();
        List<Map<String, Object>> resources = Manifests.render(overlay);
        Manifests.ofKind(resources, "KafkaUser").forEach(user -> kafkaUsers.add(name(user)));
        for (Map<String, Object> deployment : Manifests.ofKind(resources, "Deployment")) {
            for (Map<String, Object> env : list(container(deployment), "env")) {
                Map<String, Object> ref = map(env, "valueFrom", "secretKeyRef");
                String secret = (String) ref.get("name");
                if (secret != null && !kafkaUsers.contains(secret) && !secret.equals("millwright-cluster-ca-cert")) {
                    assertThat(docs).as("docs/kubernetes.md lists Secret %s key %s (%s)", secret, ref.get("key"), name(deployment))
                            .contains("`" + secret + "`").contains("`" + ref.get("key") + "`");
                }
            }
        }
    }

    /** The variables a container gets, with where they come from: its env, and the ConfigMaps it takes whole. */
    private static Map<String, String> variables(List<Map<String, Object>> resources, Map<String, Object> container) {
        Map<String, String> variables = new LinkedHashMap<>();
        list(container, "env").forEach(env -> variables.put((String) env.get("name"), "env"));
        for (Map<String, Object> from : list(container, "envFrom")) {
            String configMap = (String) map(from, "configMapRef").get("name");
            map(Manifests.named(resources, "ConfigMap", configMap).orElseThrow(), "data").keySet()
                    .forEach(key -> variables.put(key, configMap));
        }
        return variables;
    }

    private static Set<String> readVariables(String service) {
        Set<String> variables = new LinkedHashSet<>();
        List<String> files = service.equals("simulators") ? List.of("services/simulators/src/main/resources/application.properties")
                : List.of("services/" + service + "/src/main/resources/application.properties",
                        "services/camel-kit/src/main/resources/META-INF/microprofile-config.properties");
        for (String file : files) {
            Matcher matcher = VARIABLE.matcher(Manifests.read(Manifests.ROOT.resolve(file)));
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
        }
        return variables;
    }

    private static String property(String service, String key) {
        for (String line : Manifests.read(Manifests.ROOT.resolve("services/" + service + "/src/main/resources/application.properties")).split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1).trim();
            }
        }
        throw new AssertionError(service + " has no " + key);
    }
}
