package io.millwright.simulators.wms.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.common.KeyLock;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.wms.persistence.ReceiptSendEntity;
import io.millwright.simulators.wms.persistence.StockStatusRequestEntity;
import io.millwright.simulators.wms.persistence.WmsSettingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The simulated WMS: records stock status changes asked of it (once per requestId) and sends goods receipts to
 * inventory-service on command. A URL set through the admin API wins over
 * {@code millwright.sim.wms.inventory-service-url} (the local run's default).
 */
@ApplicationScoped
public class WmsService {

    private static final Logger LOG = Logger.getLogger(WmsService.class);

    public record Settings(String inventoryServiceBaseUrl, String orderServiceBaseUrl, boolean autoShip) {
    }

    public record StockStatusRequest(String requestId, int deliveries, Instant receivedAt, Instant lastReceivedAt,
            String correlationId, Map<String, Object> payload) {

        static StockStatusRequest of(StockStatusRequestEntity e) {
            return new StockStatusRequest(e.requestId, e.deliveries, e.receivedAt, e.lastReceivedAt, e.correlationId,
                    e.payload);
        }
    }

    /** One receipt send; {@code status} 0 = inventory-service not reachable. */
    public record ReceiptSent(Long id, String receiptId, int status, boolean duplicate, String error, Instant sentAt,
            Map<String, Object> payload) {

        static ReceiptSent of(ReceiptSendEntity e) {
            return new ReceiptSent(e.id, e.receiptId, e.httpStatus, e.duplicate, e.error, e.sentAt, e.payload);
        }
    }

    @ConfigProperty(name = "millwright.sim.wms.inventory-service-url")
    Optional<String> defaultInventoryServiceUrl;

    @Inject
    KeyLock lock;

    @Inject
    JsonPoster poster;


    @Inject
    EntityManager em;

    @Inject
    @Named("wms")
    Outage outage;

    @Transactional
    public Settings settings() {
        WmsSettingEntity current = WmsSettingEntity.current();
        String url = current.inventoryServiceBaseUrl;
        return new Settings(url != null ? url : defaultInventoryServiceUrl.orElse(null), current.orderServiceBaseUrl, current.autoShip);
    }

    @Transactional
    public Settings updateSettings(Map<String, Object> changes) {
        WmsSettingEntity settings = WmsSettingEntity.current();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Object value = change.getValue();
            String url = value == null || value.toString().isBlank() ? null : value.toString();
            url = url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            switch (change.getKey()) {
                case "inventoryServiceBaseUrl" -> settings.inventoryServiceBaseUrl = url;
                case "orderServiceBaseUrl" -> settings.orderServiceBaseUrl = url;
                case "autoShip" -> settings.autoShip = Boolean.parseBoolean(String.valueOf(value));
                default -> throw new IllegalArgumentException("unknown setting " + change.getKey()
                        + "; known: inventoryServiceBaseUrl, orderServiceBaseUrl, autoShip");
            }
        }
        return settings();
    }

    public FieldErrors validateStockStatus(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            errors.add("$", "a stock status request body is required");
            return errors;
        }
        errors.text(body, "requestId", "requestId");
        errors.text(body, "plantId", "plantId");
        errors.text(body, "itemId", "itemId");
        String status = errors.text(body, "status", "status");
        if (status != null && !List.of("UNRESTRICTED", "QUALITY_HOLD", "BLOCKED").contains(status)) {
            errors.add("status", "must be UNRESTRICTED, QUALITY_HOLD or BLOCKED");
        }
        return errors;
    }

    /** true when the requestId was received before (then only the delivery count changes). */
    @Transactional
    public boolean receiveStockStatus(Map<String, Object> body, String correlationId) {
        String requestId = (String) body.get("requestId");
        lock.acquire("wms-stock-status", requestId);
        Instant now = Instant.now();
        StockStatusRequestEntity existing = StockStatusRequestEntity.findById(requestId);
        if (existing != null) {
            existing.deliveries++;
            existing.lastReceivedAt = now;
            return true;
        }
        StockStatusRequestEntity request = new StockStatusRequestEntity();
        request.requestId = requestId;
        request.payload = body;
        request.deliveries = 1;
        request.receivedAt = now;
        request.lastReceivedAt = now;
        request.correlationId = correlationId == null || correlationId.length() <= 200 ? correlationId
                : correlationId.substring(0, 200);
        request.persist();
        return false;
    }

    @Transactional
    public List<StockStatusRequest> stockStatusRequests() {
        return StockStatusRequestEntity.listOrdered().stream().map(StockStatusRequest::of).toList();
    }

    /** Fills receiptId (WMS-R-nnnnnn) and receivedAt when absent, posts to inventory-service, records the answer. */
    public ReceiptSent sendReceipt(Map<String, Object> receipt) {
        Map<String, Object> payload = new LinkedHashMap<>(receipt == null ? Map.of() : receipt);
        if (payload.get("receiptId") == null) {
            payload.put("receiptId", String.format("WMS-R-%06d", lock.nextValue("wms_sim.receipt_id_seq")));
        }
        if (payload.get("receivedAt") == null) {
            payload.put("receivedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        String baseUrl = settings().inventoryServiceBaseUrl();
        JsonPoster.Answer answer = baseUrl == null
                ? new JsonPoster.Answer(0, false, null, "no inventoryServiceBaseUrl configured", null)
                : poster.post(baseUrl + "/api/v1/wms/receipts", payload, JsonPoster.Caller.WMS);
        LOG.infof("WMS receipt %s: %s", payload.get("receiptId"), answer.summary());
        return recordReceipt(payload, answer);
    }

    @Transactional
    ReceiptSent recordReceipt(Map<String, Object> payload, JsonPoster.Answer answer) {
        ReceiptSendEntity entity = new ReceiptSendEntity();
        entity.receiptId = String.valueOf(payload.get("receiptId"));
        entity.payload = payload;
        entity.sentAt = Instant.now();
        entity.httpStatus = answer.status();
        entity.duplicate = answer.duplicate();
        String error = answer.successful() ? null : answer.summary();
        entity.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        entity.persist();
        return ReceiptSent.of(entity);
    }

    @Transactional
    public List<ReceiptSent> receipts() {
        return ReceiptSendEntity.listOrdered().stream().map(ReceiptSent::of).toList();
    }

    /** Forgets requests, receipts and deliveries (receipt ids are not reused), default settings, no outage. */
    @Transactional
    public void reset() {
        em.createNativeQuery("truncate table wms_sim.stock_status_request, wms_sim.receipt_send, wms_sim.delivery").executeUpdate();
        em.createNativeQuery("update wms_sim.wms_setting set inventory_service_base_url = null, order_service_base_url = null, "
                + "auto_ship = false").executeUpdate();
        em.clear();
        outage.clear();
        LOG.info("WMS simulator reset");
    }
}
