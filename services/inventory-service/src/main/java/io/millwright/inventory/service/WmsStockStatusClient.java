package io.millwright.inventory.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.model.common.ModelJson;

/**
 * {@code POST {wms}/wms/api/v1/stock-status} (docs/contracts/plant-apps.md). The WMS deduplicates on
 * {@code requestId}, so a resend after a lost answer is harmless. 5xx, timeouts and connection failures are
 * worth retrying ({@link WmsUnavailableException}); any other non-2xx answer is a rejection.
 */
@ApplicationScoped
public class WmsStockStatusClient {

    public static final String PATH = "/wms/api/v1/stock-status";

    @Inject
    InventoryConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static class WmsUnavailableException extends RuntimeException {
        public WmsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static class WmsRejectedException extends RuntimeException {
        public WmsRejectedException(String message) {
            super(message);
        }
    }

    /** @return whether the WMS had received this request id before */
    public boolean send(StockStatusSyncEntity sync) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", sync.requestId);
        body.put("plantId", sync.plantId);
        body.put("itemId", sync.itemId);
        body.put("lotId", sync.lotId);
        body.put("locationId", sync.locationId);
        body.put("status", sync.status.name());
        body.put("reason", sync.reason);
        String json;
        try {
            // locationId null is part of the contract ("every location"), so it is written explicitly
            json = ModelJson.newMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
                    .writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(config.wms().url()) + PATH))
                .timeout(Duration.ofMillis(config.wms().timeoutMs()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
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
            throw new WmsUnavailableException("WMS not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WmsUnavailableException("Interrupted while calling the WMS", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            throw new WmsUnavailableException("WMS answered " + status, null);
        }
        if (status < 200 || status >= 300) {
            throw new WmsRejectedException("WMS rejected stock status " + sync.requestId + " with " + status + ": " + response.body());
        }
        try {
            JsonNode answer = ModelJson.mapper().readTree(response.body());
            return answer != null && answer.path("duplicate").asBoolean(false);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
