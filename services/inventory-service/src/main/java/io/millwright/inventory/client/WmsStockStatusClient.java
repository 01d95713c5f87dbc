package io.millwright.inventory.client;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.kit.target.HttpAnswers;
import io.millwright.kit.target.TargetSystems;
import io.millwright.model.common.ModelJson;

/**
 * I3: a stock status change to the WMS ({@code millwright.kit.targets.wms}). The WMS deduplicates on
 * {@code requestId}, so a resend after a lost answer is harmless. 5xx, 408, 429 and no answer are worth retrying; any
 * other non-2xx answer is a refusal.
 */
@ApplicationScoped
public class WmsStockStatusClient {

    public static final String TARGET = "wms";

    @Inject
    TargetSystems targets;

    /** @return whether the WMS had received this request id before */
    public boolean send(StockStatusSyncEntity sync) {
        String body = body(sync);
        WmsStockStatusApi wms = targets.restClient(WmsStockStatusApi.class, TARGET);
        String what = "stock status " + sync.requestId;
        return targets.call(TARGET, what, () -> HttpAnswers.exchange(TARGET, what, () -> wms.send(body), answer -> {
            JsonNode reply = answer.hasEntity() ? answer.readEntity(JsonNode.class) : null;
            return reply != null && reply.path("duplicate").asBoolean(false);
        }), Boolean.class);
    }

    private static String body(StockStatusSyncEntity sync) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", sync.requestId);
        body.put("plantId", sync.plantId);
        body.put("itemId", sync.itemId);
        body.put("lotId", sync.lotId);
        body.put("locationId", sync.locationId);
        body.put("status", sync.status.name());
        body.put("reason", sync.reason);
        try {
            // locationId null is part of the contract ("every location"), so it is written explicitly
            return ModelJson.newMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS).writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stock status " + sync.requestId + " cannot be written as JSON", e);
        }
    }
}
