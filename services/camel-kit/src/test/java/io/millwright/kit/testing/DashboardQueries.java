package io.millwright.kit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL of every panel of the Grafana dashboards in {@code deploy/observability/grafana}, with the dashboards'
 * variables filled the way "All" fills them, so a test can run each against a real Prometheus.
 */
public final class DashboardQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardQueries() {
    }

    /** One panel's query: where it is, and the PromQL to run. */
    public record Query(String dashboard, String panel, String promql) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + promql;
        }
    }

    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/observability/grafana"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/observability/grafana not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("deploy/observability/grafana");
    }

    public static List<Query> all() throws IOException {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                String title = dashboard.path("title").asText();
                collect(title, dashboard.path("panels"), queries);
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    String definition = variable.path("definition").asText();
                    if (definition.startsWith("label_values(")) {
                        String metric = definition.substring("label_values(".length(), definition.indexOf(',')).trim();
                        queries.add(new Query(title, "variable " + variable.path("name").asText(), metric));
                    }
                }
            }
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                if (!expr.isBlank()) {
                    queries.add(new Query(dashboard, panel.path("title").asText(), fill(expr)));
                }
            }
            collect(dashboard, panel.path("panels"), queries);
        }
    }

    /** The variables as "All" sets them: every plant. */
    static String fill(String expr) {
        return expr.replace("${plant}", ".+").replace("$plant", ".+");
    }
}
