package io.millwright.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dashboards ConfigMaps carry exactly the Grafana dashboards of deploy/observability/grafana (whose every query
 * is run against a real Prometheus by the machine-to-ERP integration test), one ConfigMap per dashboard, labelled
 * for Grafana's dashboard sidecar. After changing a dashboard, regenerate with {@code ./mvnw -pl k8s -am verify
 * -Dtest=GrafanaDashboardsTest -Dk8s.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GrafanaDashboardsTest {

    private static final Path DASHBOARDS = Manifests.ROOT.resolve("deploy/observability/grafana");
    private static final Path CONFIG_MAPS = Manifests.K8S.resolve("base/monitoring/grafana-dashboards.yaml");

    @Test
    void theConfigMapsCarryExactlyTheDashboards() throws IOException {
        Map<String, String> dashboards = dashboards();
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(CONFIG_MAPS, generate(dashboards));
        }
        Map<String, String> carried = new LinkedHashMap<>();
        for (Map<String, Object> configMap : Manifests.loadAll(Manifests.read(CONFIG_MAPS))) {
            assertThat(Manifests.map(configMap, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
            Manifests.map(configMap, "data").forEach((file, json) -> carried.put(file, (String) json));
        }
        assertThat(carried).as("regenerate with -Dk8s.regenerate=true").isEqualTo(dashboards);
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(7);
    }

    private static Map<String, String> dashboards() throws IOException {
        Map<String, String> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return dashboards;
    }

    private static String generate(Map<String, String> dashboards) {
        StringBuilder out = new StringBuilder("""
                # Generated from deploy/observability/grafana/*.json by GrafanaDashboardsTest (k8s/src/test): edit the dashboards,
                # then regenerate (-Dk8s.regenerate=true); the test fails while they differ. Grafana's sidecar loads every
                # ConfigMap labelled grafana_dashboard=1 into the folder its annotation names.
                """);
        dashboards.forEach((file, json) -> out.append("""
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: millwright-dashboard-%s
                  labels:
                    grafana_dashboard: "1"
                  annotations:
                    grafana_folder: Millwright
                data:
                  %s: |
                """.formatted(file.replace(".json", ""), file)).append(json.stripTrailing().indent(4)));
        return out.toString();
    }
}
