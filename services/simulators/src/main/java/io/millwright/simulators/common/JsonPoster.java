package io.millwright.simulators.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.millwright.model.webhook.WebhookSignature;

/**
 * POSTs JSON from a simulated system to a Millwright service, with a fresh {@code X-Correlation-Id}. Never throws for
 * transport problems: an unreachable peer is answered as status 0 with the error, so it can be recorded.
 */
@ApplicationScoped
public class JsonPoster {

    public static final String DUPLICATE_HEADER = "X-Millwright-Duplicate";

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** {@code status} 0 = no HTTP answer ({@code error} says why); {@code duplicate} from X-Millwright-Duplicate. */
    public record Answer(int status, boolean duplicate, String body, String error, String correlationId) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        /** For the record: "202", "202 duplicate", "404 {...}" or "unreachable: ...". */
        public String summary() {
            if (status == 0) {
                return "unreachable: " + error;
            }
            String text = status + (duplicate ? " duplicate" : "");
            return successful() || body == null || body.isBlank() ? text
                    : text + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    @Inject
    ObjectMapper objectMapper;

    /** The simulated system a request comes from: its bearer token goes with it when its OIDC client is enabled. */
    public enum Caller {
        MES("mes"), WMS("wms"), QMS("qms");

        final String system;

        Caller(String system) {
            this.system = system;
        }
    }

    @Inject
    Instance<SystemTokens.Mes> mesTokens;

    @Inject
    Instance<SystemTokens.Wms> wmsTokens;

    @Inject
    Instance<SystemTokens.Qms> qmsTokens;

    /** POSTs as {@code caller}. */
    public Answer post(String url, Object payload, Caller caller) {
        String json;
        try {
            json = objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return new Answer(0, false, null, "cannot write JSON: " + e.getMessage(), UUID.randomUUID().toString());
        }
        return postJson(url, json, caller, null);
    }

    /**
     * POSTs this exact JSON as {@code caller}; with a {@code signingSecret}, signed ({@code Millwright-Signature}, a new
     * delivery id each time, as a webhook sender does).
     */
    public Answer postJson(String url, String json, Caller caller, String signingSecret) {
        String correlationId = UUID.randomUUID().toString();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-Correlation-Id", correlationId)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (signingSecret != null) {
                builder.header(WebhookSignature.HEADER, WebhookSignature.sign(signingSecret, Instant.now(), UUID.randomUUID().toString(), json));
            } else if (SystemTokens.enabled(caller.system)) {
                SystemTokens tokens = switch (caller) {
                    case MES -> mesTokens.get();
                    case WMS -> wmsTokens.get();
                    case QMS -> qmsTokens.get();
                };
                builder.header("Authorization", tokens.authorization());
            }
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean duplicate = response.headers().firstValue(DUPLICATE_HEADER).map("true"::equalsIgnoreCase)
                    .orElse(false);
            return new Answer(response.statusCode(), duplicate, response.body(), null, correlationId);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, false, null, e.getClass().getSimpleName() + ": " + e.getMessage(), correlationId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, false, null, "interrupted", correlationId);
        }
    }
}
