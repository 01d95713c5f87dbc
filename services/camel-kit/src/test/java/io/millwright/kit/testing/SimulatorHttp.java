package io.millwright.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON over HTTP to the simulators app's admin API ({@code /sim/...}), failing loudly on any non-2xx answer. */
final class SimulatorHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final String name;
    private final String baseUrl;

    SimulatorHttp(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
    }

    List<Map<String, Object>> list(String path) {
        String body = send("GET", path, null);
        try {
            return JSON.readValue(body, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " GET " + path + " did not answer a JSON array of objects: " + body, e);
        }
    }

    List<Map<String, Object>> listOf(String json) {
        try {
            return JSON.readValue(json, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " did not answer a JSON array of objects: " + json, e);
        }
    }

    Map<String, Object> object(String method, String path, Object jsonBody) {
        String body = send(method, path, jsonBody);
        try {
            return JSON.readValue(body, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " " + method + " " + path + " did not answer a JSON object: " + body, e);
        }
    }

    /** The answer's status; 404 answers empty instead of failing. */
    HttpResponse<String> exchange(String method, String path, Object jsonBody) {
        String json = null;
        if (jsonBody != null) {
            try {
                json = JSON.writeValueAsString(jsonBody);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write " + jsonBody, e);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return TestInfrastructure.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(name + " at " + baseUrl + " not reachable for " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
    }

    String send(String method, String path, Object jsonBody) {
        HttpResponse<String> response = exchange(method, path, jsonBody);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + " " + method + " " + path + (jsonBody == null ? "" : " " + jsonBody)
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not a JSON object: " + json, e);
        }
    }

    static String query(String name, String value) {
        return value == null ? "" : "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code {"durationSeconds": n}} rounded up, or {@code {}} for "until cleared". */
    static Map<String, Object> outage(Duration duration) {
        return duration == null ? Map.of() : Map.of("durationSeconds", (duration.toMillis() + 999) / 1000);
    }
}
