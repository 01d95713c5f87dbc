package io.millwright.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, which .ci/run installs) scraping the given
 * services every second, for tests that check what a dashboard or rule would see. Jobs are named like the
 * Kubernetes ServiceMonitor names them: after the service.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String url;
    private final Path log;

    private PrometheusServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts Prometheus scraping {@code /q/metrics} of each job's {@code host:port} targets every second.
     *
     * @param jobs job name to its targets ({@code 127.0.0.1:9081})
     */
    public static PrometheusServer start(Map<String, List<String>> jobs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("target"), "prometheus-");
        StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n");
        jobs.forEach((job, targets) -> config.append("  - job_name: ").append(job).append("\n    metrics_path: /q/metrics\n")
                .append("    static_configs:\n      - targets: [").append(String.join(", ", targets)).append("]\n"));
        Files.writeString(dir.resolve("prometheus.yml"), config);
        int port = TestInfrastructure.freePort();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!server.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("Prometheus did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return server;
    }

    public String url() {
        return url;
    }

    /** Whether every target of every job has been scraped successfully at least once. */
    public boolean allTargetsUp(int targets) throws IOException, InterruptedException {
        Result up = query("up");
        return up.error() == null && up.series().size() == targets && up.series().stream().allMatch(s -> "1".equals(s.value()));
    }

    /** An instant query: its series, or the error Prometheus gave (bad syntax, unknown function, ...). */
    public Result query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            return new Result(List.of(), body.path("errorType").asText() + ": " + body.path("error").asText());
        }
        List<Series> series = new ArrayList<>();
        JsonNode result = body.path("data").path("result");
        if ("vector".equals(body.path("data").path("resultType").asText())) {
            for (JsonNode sample : result) {
                StringBuilder labels = new StringBuilder();
                for (Iterator<Map.Entry<String, JsonNode>> it = sample.path("metric").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> label = it.next();
                    labels.append(labels.isEmpty() ? "" : ",").append(label.getKey()).append('=').append(label.getValue().asText());
                }
                series.add(new Series("{" + labels + "}", sample.path("value").path(1).asText()));
            }
        } else {
            series.add(new Series("{}", result.path(1).asText()));
        }
        return new Result(series, null);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public Path log() {
        return log;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public record Series(String labels, String value) {
    }

    public record Result(List<Series> series, String error) {
    }
}
