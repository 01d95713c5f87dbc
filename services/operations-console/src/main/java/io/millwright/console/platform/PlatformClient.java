package io.millwright.console.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.millwright.console.ConsoleConfig;

/**
 * The console's calls to the platform: each service's API by its name, the plants' edge gateways by plant, and
 * Prometheus. Calls to the services carry the logged-in person's access token, so every service authorises and
 * audits the person, not the console. Calls run concurrently (a journey asks every service at once); each has the
 * configured timeout and ends in an {@link Answer}, never in an exception.
 */
@ApplicationScoped
public class PlatformClient {

    private static final Logger LOG = Logger.getLogger(PlatformClient.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, String> services = new LinkedHashMap<>();
    private final Map<String, String> edgeGateways;
    private final String prometheus;

    public PlatformClient(ConsoleConfig config) {
        this.timeout = config.callTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).executor(Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "console-calls");
            thread.setDaemon(true);
            return thread;
        })).build();
        config.services().forEach((name, service) -> services.put(name, trimSlash(service.url())));
        this.edgeGateways = parseGateways(config.edgeGateways());
        this.prometheus = trimSlash(config.prometheusUrl());
    }

    /** The services the console knows, in the configured order. */
    public Map<String, String> services() {
        return services;
    }

    /** The plants' edge gateways by plant id. */
    public Map<String, String> edgeGateways() {
        return edgeGateways;
    }

    public String prometheusUrl() {
        return prometheus;
    }

    /** GET a service's API path as the person whose token this is. */
    public CompletableFuture<Answer> get(String service, String pathAndQuery, String token) {
        return call(service, url(services, service, pathAndQuery), "GET", token);
    }

    /** POST (no body) or DELETE on a service's API as the person whose token this is. */
    public CompletableFuture<Answer> send(String service, String method, String pathAndQuery, String token) {
        return call(service, url(services, service, pathAndQuery), method, token);
    }

    /** GET on a plant's edge gateway (reading needs no token there: docs/edge-gateway.md). */
    public CompletableFuture<Answer> edge(String plant, String pathAndQuery) {
        return call("edge gateway " + plant, url(edgeGateways, plant, pathAndQuery), "GET", null);
    }

    /** POST (no body) or DELETE on a plant's edge gateway as the person whose token this is (replay, discard). */
    public CompletableFuture<Answer> edgeSend(String plant, String method, String pathAndQuery, String token) {
        return call("edge gateway " + plant, url(edgeGateways, plant, pathAndQuery), method, token);
    }

    /** GET on Prometheus's HTTP API. */
    public CompletableFuture<Answer> prometheus(String pathAndQuery) {
        return call("Prometheus", Optional.of(prometheus + pathAndQuery), "GET", null);
    }

    private CompletableFuture<Answer> call(String source, Optional<String> url, String method, String token) {
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(Answer.failed(source, "not configured"));
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.get())).timeout(timeout).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Answer.failed(source, "bad address " + url.get()));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, HttpRequest.BodyPublishers.noBody());
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Answer(source, response.statusCode(), response.body(), null))
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    LOG.debugf("%s %s failed: %s", method, url.get(), cause.toString());
                    return Answer.failed(source, cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
                });
    }

    private static Optional<String> url(Map<String, String> bases, String name, String pathAndQuery) {
        String base = bases.get(name);
        return base == null ? Optional.empty() : Optional.of(base + pathAndQuery);
    }

    static Map<String, String> parseGateways(String spec) {
        Map<String, String> gateways = new LinkedHashMap<>();
        if (spec == null) {
            return gateways;
        }
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty()) {
                continue;
            }
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException("millwright.console.edge-gateways: '" + trimmed + "' is not plant=url");
            }
            gateways.put(trimmed.substring(0, eq).trim(), trimSlash(trimmed.substring(eq + 1).trim()));
        }
        return gateways;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @PreDestroy
    void close() {
        http.executor().ifPresent(executor -> ((java.util.concurrent.ExecutorService) executor).shutdownNow());
    }
}
