package io.millwright.order.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.model.common.ModelJson;
import io.millwright.order.config.OrderConfig;

/**
 * Available stock per item, asked of inventory-service ({@code GET /api/v1/availability?item=&qty=&plant=}) while an
 * order is validated. Availability informs, it does not reject: a shortage is normal for make-to-order items. When
 * inventory-service does not answer 200 within the timeout (1.5 s per request, 3 s for the whole check) or its
 * breaker is open, the fallback answers "unknown" so an inventory-service outage never blocks order intake.
 */
@ApplicationScoped
public class AvailabilityClient {

    private static final Logger LOG = Logger.getLogger(AvailabilityClient.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Inject
    OrderConfig config;

    /**
     * @param requested quantity per item id (all lines of the item together)
     * @return available quantity per item id; empty map when availability is unknown
     */
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "unknown")
    public Map<String, BigDecimal> availableStock(Map<String, BigDecimal> requested) {
        Map<String, BigDecimal> available = new HashMap<>();
        for (Map.Entry<String, BigDecimal> item : requested.entrySet()) {
            available.put(item.getKey(), ask(item.getKey(), item.getValue()));
        }
        return available;
    }

    Map<String, BigDecimal> unknown(Map<String, BigDecimal> requested, Throwable cause) {
        LOG.warnf("Availability unknown for %s: %s", requested.keySet(), cause.toString());
        return Map.of();
    }

    private BigDecimal ask(String itemId, BigDecimal quantity) {
        OrderConfig.Availability availability = config.availability();
        String base = availability.url().endsWith("/") ? availability.url().substring(0, availability.url().length() - 1)
                : availability.url();
        URI uri = URI.create(base + "/api/v1/availability?item=" + encode(itemId) + "&qty=" + quantity.toPlainString()
                + "&plant=" + encode(availability.plant()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(availability.timeoutMs()))
                .header("Accept", "application/json").GET();
        String correlationId = Correlation.current();
        if (correlationId != null) {
            request.header(Correlation.HTTP_HEADER, correlationId);
        }
        String traceparent = TraceContext.currentTraceparent();
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("inventory-service not reachable at " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking inventory-service", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("inventory-service answered " + response.statusCode() + " for " + uri);
        }
        try {
            JsonNode value = ModelJson.mapper().readTree(response.body()).path("availableQuantity").path("value");
            if (!value.isNumber()) {
                throw new IllegalStateException("no availableQuantity.value in " + response.body());
            }
            return value.decimalValue();
        } catch (IOException e) {
            throw new IllegalStateException("inventory-service answered unreadable JSON: " + response.body(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
