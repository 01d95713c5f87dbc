package io.millwright.edge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.millwright.kit.testing.ServiceProcess;

/**
 * The packaged gateway ({@code edge-gateway/target/quarkus-app}) as its own JVM with the production JVM options and
 * malloc settings, and its Prometheus figures, summed over their tags.
 */
final class BenchGateway {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern METRIC = Pattern.compile("^(millwright_edge_[a-z_]+)\\{[^}]*}\\s+([0-9.eE+-]+|NaN)$", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newHttpClient();
    private final BenchProcess process;
    private final String base;

    private BenchGateway(BenchProcess process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the gateway and returns once it is ready; a line every 5 s meanwhile. */
    static BenchGateway start(String javaOpts, Map<String, String> environment, Path plant, Path dataDir, String bootstrapServers,
            Path log) throws Exception {
        int port = ServiceProcess.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        command.addAll(List.of("-Dmillwright.edge.config=" + plant, "-Dmillwright.edge.data-dir=" + dataDir,
                "-Dmillwright.edge.kafka.bootstrap-servers=" + bootstrapServers, "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN", "-jar", ServiceProcess.quarkusApp("edge-gateway").toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        BenchGateway gateway = new BenchGateway(BenchProcess.start("the gateway", builder, log), port);
        gateway.process.awaitUntil("the gateway to be ready", READY_TIMEOUT, gateway::ready);
        return gateway;
    }

    BenchProcess process() {
        return process;
    }

    /**
     * The gateway's {@code millwright_edge_*} figures, each summed over its tags (NaN counts as 0). A scrape that
     * takes longer than 5 s is tried again (a line each time), six times at most.
     */
    Map<String, Double> metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/metrics")).timeout(SCRAPE_TIMEOUT).build();
        HttpResponse<String> response = null;
        for (int attempt = 1; response == null; attempt++) {
            process.checkAlive("while its metrics were read");
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException slow) {
                if (attempt == 6) {
                    throw new IllegalStateException("the gateway's /q/metrics did not answer within " + attempt * SCRAPE_TIMEOUT.toSeconds() + " s", slow);
                }
                Progress.line("the gateway's /q/metrics did not answer within %d s; asking again", SCRAPE_TIMEOUT.toSeconds());
            }
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the gateway's /q/metrics answered " + response.statusCode());
        }
        Map<String, Double> sums = new HashMap<>();
        Matcher m = METRIC.matcher(response.body());
        while (m.find()) {
            double value = m.group(2).equals("NaN") ? 0 : Double.parseDouble(m.group(2));
            sums.merge(m.group(1), value, Double::sum);
        }
        for (String needed : List.of("millwright_edge_acquired_total", "millwright_edge_forwarded_total", "millwright_edge_backlog",
                "millwright_edge_dropped_total")) {
            if (!sums.containsKey(needed)) {
                throw new IllegalStateException("the gateway's /q/metrics has no " + needed);
            }
        }
        return sums;
    }

    private boolean ready() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
