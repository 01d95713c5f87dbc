package io.millwright.deploy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboards load as Grafana expects them: one uid each, a Prometheus data source chosen by the
 * {@code datasource} variable, every panel placed on the 24-column grid with at least one query. Whether each query
 * parses and returns series is checked against a real Prometheus by maintenance-service's MachineToErpIT.
 */
class DashboardsTest {

    private static final Path GRAFANA = Path.of("grafana");

    @Test
    void everyDashboardHasAUidADataSourceVariableAndPanelsWithQueries() throws IOException {
        Set<String> uids = new HashSet<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(GRAFANA)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("business-overview.json", "order-to-fulfilment.json",
                "plan-to-produce.json", "inventory.json", "quality.json", "maintenance.json", "edge.json");
        for (Path file : files) {
            Map<String, Object> dashboard = new Yaml().load(Files.readString(file));
            String name = file.getFileName().toString();
            assertThat(uids.add((String) dashboard.get("uid"))).as("unique uid of %s", name).isTrue();
            assertThat((String) dashboard.get("title")).as(name).startsWith("Millwright");
            List<Map<String, Object>> variables = list(map(dashboard, "templating"), "list");
            assertThat(variables).as(name).anySatisfy(v -> assertThat(v).containsEntry("name", "datasource").containsEntry("query", "prometheus"));
            for (Map<String, Object> panel : list(dashboard, "panels")) {
                String where = name + " / " + panel.get("title");
                assertThat(map(panel, "datasource")).as(where).containsEntry("uid", "${datasource}");
                Map<String, Object> grid = map(panel, "gridPos");
                assertThat((Integer) grid.get("x") + (Integer) grid.get("w")).as(where).isLessThanOrEqualTo(24);
                assertThat(list(panel, "targets")).as(where).isNotEmpty()
                        .allSatisfy(t -> assertThat((String) t.get("expr")).as(where).isNotBlank());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String key) {
        return (Map<String, Object>) node.getOrDefault(key, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> node, String key) {
        return (List<Map<String, Object>>) node.getOrDefault(key, List.of());
    }
}
