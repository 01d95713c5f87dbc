package io.millwright.console.overview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.console.ConsoleConfig;
import io.millwright.console.platform.Answer;
import io.millwright.console.platform.PlatformClient;
import io.millwright.model.common.ModelJson;

/**
 * The overview's KPIs: the panels of the business overview dashboard ({@code deploy/observability/grafana/
 * business-overview.json}, packaged with the console), each asked of Prometheus now and over the configured range,
 * plus Prometheus's alerts. One definition of the business KPIs for Grafana and the console.
 */
@ApplicationScoped
public class OverviewSource {

    static final String DASHBOARD = "dashboards/business-overview.json";
    static final int WIDTH = 160;
    static final int HEIGHT = 36;
    private static final int POINTS = 60;

    record Panel(String title, String description, String unit, String expr, String legend) {
    }

    private final PlatformClient platform;
    private final Duration range;
    private final List<Panel> panels;

    public OverviewSource(PlatformClient platform, ConsoleConfig config) {
        this.platform = platform;
        this.range = config.overviewRange();
        this.panels = panels();
    }

    public Overview overview() {
        long end = Instant.now().getEpochSecond();
        long start = end - range.toSeconds();
        long step = Math.max(1, range.toSeconds() / POINTS);
        List<CompletableFuture<Answer>> now = new ArrayList<>();
        List<CompletableFuture<Answer>> over = new ArrayList<>();
        for (Panel panel : panels) {
            String q = URLEncoder.encode(panel.expr(), StandardCharsets.UTF_8);
            now.add(platform.prometheus("/api/v1/query?query=" + q));
            over.add(platform.prometheus("/api/v1/query_range?query=" + q + "&start=" + start + "&end=" + end + "&step=" + step));
        }
        CompletableFuture<Answer> alerts = platform.prometheus("/api/v1/alerts");
        List<String> problems = new ArrayList<>();
        List<Overview.Kpi> kpis = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            JsonNode current = data(now.get(i).join(), panel, problems);
            JsonNode history = data(over.get(i).join(), panel, problems);
            Map<String, List<double[]>> plots = new LinkedHashMap<>();
            if (history != null) {
                for (JsonNode series : history.path("result")) {
                    List<double[]> values = new ArrayList<>();
                    for (JsonNode v : series.path("values")) {
                        values.add(new double[] { v.get(0).asDouble(), number(v.get(1).asText()) });
                    }
                    plots.put(label(series.path("metric"), panel.legend()), values);
                }
            }
            List<Overview.Series> series = new ArrayList<>();
            if (current != null) {
                for (JsonNode s : current.path("result")) {
                    String label = label(s.path("metric"), panel.legend());
                    double value = number(s.path("value").path(1).asText());
                    series.add(new Overview.Series(label, format(value, panel.unit()), points(plots.get(label), start, end),
                            alarming(panel, value)));
                }
            }
            series.sort(Comparator.comparing(Overview.Series::label));
            kpis.add(new Overview.Kpi(panel.title(), panel.description(), panel.unit(), panel.expr(), series));
        }
        List<Overview.Alert> firing = new ArrayList<>();
        Answer answer = alerts.join();
        if (!answer.ok()) {
            problems.add(answer.problem());
        } else {
            try {
                for (JsonNode a : ModelJson.mapper().readTree(answer.body()).path("data").path("alerts")) {
                    JsonNode labels = a.path("labels");
                    JsonNode annotations = a.path("annotations");
                    Instant since = a.hasNonNull("activeAt") ? Instant.parse(a.get("activeAt").asText()) : null;
                    firing.add(new Overview.Alert(labels.path("alertname").asText(), labels.path("severity").asText(""),
                            a.path("state").asText(), annotations.path("summary").asText(""), since, annotations.path("runbook_url").asText(null)));
                }
            } catch (IOException | RuntimeException e) {
                problems.add("Prometheus's alerts could not be read: " + e.getMessage());
            }
        }
        firing.sort(Comparator.comparing(Overview.Alert::state).thenComparing(Overview.Alert::name));
        return new Overview(kpis, firing, List.copyOf(new java.util.LinkedHashSet<>(problems)), human(range));
    }

    /** Polyline points of a series scaled into the plot's box (time across, value up), or "" without data. */
    static String points(List<double[]> values, long start, long end) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        double max = values.stream().mapToDouble(v -> v[1]).filter(Double::isFinite).max().orElse(0);
        double min = Math.min(0, values.stream().mapToDouble(v -> v[1]).filter(Double::isFinite).min().orElse(0));
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (double[] v : values) {
            if (!Double.isFinite(v[1])) {
                continue;
            }
            double x = (v[0] - start) / Math.max(1, end - start) * WIDTH;
            double y = HEIGHT - 2 - (v[1] - min) / span * (HEIGHT - 4);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        if (values.size() == 1) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", (double) WIDTH, HEIGHT - 2 - (values.get(0)[1] - min) / span * (HEIGHT - 4)));
        }
        return points.toString().trim();
    }

    private static boolean alarming(Panel panel, double value) {
        String title = panel.title().toLowerCase(Locale.ROOT);
        if (title.contains("link up")) {
            return value < 1;
        }
        if (title.contains("success rate")) {
            return Double.isFinite(value) && value < 0.99;
        }
        return Double.isFinite(value) && value > 0;
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "no data";
        }
        return switch (unit == null ? "" : unit) {
            case "percentunit" -> String.format(Locale.ROOT, "%.1f %%", value * 100);
            case "s" -> value >= 120 ? String.format(Locale.ROOT, "%.0f min", value / 60) : String.format(Locale.ROOT, "%.0f s", value);
            case "bool" -> value >= 1 ? "up" : "down";
            default -> value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
        };
    }

    private static String label(JsonNode metric, String legend) {
        if (legend != null && legend.contains("{{")) {
            StringBuilder label = new StringBuilder();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|([^{]+)").matcher(legend);
            while (m.find()) {
                label.append(m.group(1) != null ? metric.path(m.group(1)).asText("?") : m.group(2));
            }
            return label.toString();
        }
        List<String> parts = new ArrayList<>();
        metric.fields().forEachRemaining(e -> parts.add(e.getValue().asText()));
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }

    private static JsonNode data(Answer answer, Panel panel, List<String> problems) {
        if (!answer.ok()) {
            problems.add(answer.problem());
            return null;
        }
        try {
            JsonNode root = ModelJson.mapper().readTree(answer.body());
            if (!"success".equals(root.path("status").asText())) {
                problems.add("Prometheus could not answer \"" + panel.title() + "\": " + root.path("error").asText());
                return null;
            }
            return root.path("data");
        } catch (IOException e) {
            problems.add("Prometheus answered \"" + panel.title() + "\" with something that is not JSON");
            return null;
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String human(Duration range) {
        long minutes = range.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    static List<Panel> panels() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DASHBOARD)) {
            if (in == null) {
                throw new IllegalStateException(DASHBOARD + " is not on the class path (copied from deploy/observability/grafana by the build)");
            }
            List<Panel> panels = new ArrayList<>();
            for (JsonNode panel : ModelJson.mapper().readTree(in).path("panels")) {
                JsonNode target = panel.path("targets").path(0);
                if (!target.hasNonNull("expr")) {
                    continue;
                }
                panels.add(new Panel(panel.path("title").asText(), panel.path("description").asText(""),
                        panel.path("fieldConfig").path("defaults").path("unit").asText(""), target.get("expr").asText(),
                        target.path("legendFormat").asText(null)));
            }
            return panels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
