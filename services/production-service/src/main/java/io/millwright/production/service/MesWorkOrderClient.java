package io.millwright.production.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.model.common.ModelJson;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.mapping.MesWorkOrder;

/**
 * POSTs a work order to the MES. Resending is safe: the MES answers a known production order with the existing work
 * order (200). The answer is sorted into accepted, refused (4xx: the payload will not get better by resending) and
 * unavailable (5xx, timeouts, connection refused: try again later).
 */
@ApplicationScoped
public class MesWorkOrderClient {

    public sealed interface Outcome {
    }

    public record Accepted(String mesWorkOrderId, boolean alreadyKnown) implements Outcome {
    }

    public record Refused(int status, String body) implements Outcome {
    }

    public record Unavailable(String reason) implements Outcome {
    }

    @Inject
    ProductionConfig config;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(config.mes().connectTimeoutMs())).build();
    }

    public Outcome dispatch(MesWorkOrder workOrder) {
        byte[] json;
        try {
            json = ModelJson.mapper().writeValueAsBytes(workOrder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Work order " + workOrder.productionOrderId() + " cannot be written as JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.mes().url().replaceAll("/+$", "") + "/mes/api/v1/work-orders"))
                .timeout(Duration.ofMillis(config.mes().requestTimeoutMs()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        String correlationId = Correlation.current();
        if (correlationId != null) {
            request.header(Correlation.HTTP_HEADER, correlationId);
        }
        String traceparent = TraceContext.currentTraceparent();
        if (traceparent != null) {
            request.header(TraceContext.TRACEPARENT, traceparent);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            try {
                JsonNode body = ModelJson.mapper().readTree(response.body());
                String id = body.path("mesWorkOrderId").asText(null);
                if (id == null || id.isBlank()) {
                    return new Unavailable("MES answered " + status + " without a mesWorkOrderId: " + response.body());
                }
                return new Accepted(id, status == 200);
            } catch (JsonProcessingException e) {
                return new Unavailable("MES answered " + status + " with unreadable JSON: " + response.body());
            }
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new Refused(status, response.body());
        }
        return new Unavailable("MES answered HTTP " + status);
    }
}
