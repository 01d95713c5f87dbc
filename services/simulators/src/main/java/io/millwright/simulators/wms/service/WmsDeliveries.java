package io.millwright.simulators.wms.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.wms.persistence.DeliveryEntity;
import io.millwright.simulators.wms.persistence.WmsSettingEntity;

/**
 * The simulated WMS's outbound side: deliveries order-service releases (once per deliveryId, repeats counted), shipped
 * on command or at once (auto-ship), each shipment confirmed to order-service as client {@code wms}.
 */
@ApplicationScoped
public class WmsDeliveries {

    private static final Logger LOG = Logger.getLogger(WmsDeliveries.class);

    public record Delivery(String deliveryId, String orderId, Map<String, Object> payload, int deliveries, Instant receivedAt, String shipmentId,
            Instant shippedAt, Integer confirmStatus, String confirmAnswer) {

        static Delivery of(DeliveryEntity e) {
            return new Delivery(e.deliveryId, e.orderId, e.payload, e.deliveries, e.receivedAt, e.shipmentId, e.shippedAt, e.confirmStatus,
                    e.confirmAnswer);
        }
    }

    @Inject
    EntityManager em;

    @Inject
    JsonPoster poster;

    public FieldErrors validate(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            errors.add("$", "a delivery body is required");
            return errors;
        }
        if (!(body.get("deliveryId") instanceof String id) || id.isBlank()) {
            errors.add("deliveryId", "is required");
        }
        if (!(body.get("orderId") instanceof String order) || order.isBlank()) {
            errors.add("orderId", "is required");
        }
        if (!(body.get("lines") instanceof List<?> lines) || lines.isEmpty()) {
            errors.add("lines", "must be a non-empty list");
        }
        return errors;
    }

    /** Takes a delivery once per deliveryId; true when it is new. */
    @Transactional
    public boolean receive(Map<String, Object> body) {
        String deliveryId = (String) body.get("deliveryId");
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "wms-delivery:" + deliveryId).getSingleResult();
        DeliveryEntity existing = DeliveryEntity.findById(deliveryId);
        Instant now = Instant.now();
        if (existing != null) {
            existing.deliveries++;
            existing.lastReceivedAt = now;
            return false;
        }
        DeliveryEntity delivery = new DeliveryEntity();
        delivery.deliveryId = deliveryId;
        delivery.orderId = (String) body.get("orderId");
        delivery.payload = body;
        delivery.deliveries = 1;
        delivery.receivedAt = now;
        delivery.lastReceivedAt = now;
        delivery.persist();
        return true;
    }

    @Transactional
    public boolean autoShip() {
        return WmsSettingEntity.current().autoShip;
    }

    /** Ships the delivery (a shipment id is made once) and confirms it to order-service; the answer is recorded. */
    public Optional<Delivery> ship(String deliveryId) {
        Optional<Map<String, Object>> confirmation = prepare(deliveryId);
        if (confirmation.isEmpty()) {
            return Optional.empty();
        }
        String base = orderServiceBaseUrl().orElse(null);
        JsonPoster.Answer answer = base == null ? new JsonPoster.Answer(0, false, null, "orderServiceBaseUrl is not configured", null)
                : poster.post(base + "/api/v1/shipments", confirmation.get(), JsonPoster.Caller.WMS);
        return Optional.of(recordAnswer(deliveryId, answer));
    }

    @Transactional
    public List<Delivery> deliveries(String orderId) {
        return DeliveryEntity.<DeliveryEntity> list("order by receivedAt, deliveryId").stream()
                .filter(d -> orderId == null || orderId.equals(d.orderId)).map(Delivery::of).toList();
    }

    @Transactional
    Optional<Map<String, Object>> prepare(String deliveryId) {
        DeliveryEntity delivery = DeliveryEntity.findById(deliveryId);
        if (delivery == null) {
            return Optional.empty();
        }
        if (delivery.shipmentId == null) {
            long number = ((Number) em.createNativeQuery("SELECT nextval('wms_sim.shipment_seq')").getSingleResult()).longValue();
            delivery.shipmentId = String.format("SHP-%06d", number);
            delivery.shippedAt = Instant.now();
        }
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("deliveryId", delivery.deliveryId);
        confirmation.put("shipmentId", delivery.shipmentId);
        confirmation.put("shippedAt", delivery.shippedAt.toString());
        confirmation.put("carrier", "DHL Freight");
        confirmation.put("trackingNumber", "TRK" + delivery.shipmentId.substring(4));
        return Optional.of(confirmation);
    }

    @Transactional
    Delivery recordAnswer(String deliveryId, JsonPoster.Answer answer) {
        DeliveryEntity delivery = DeliveryEntity.findById(deliveryId);
        delivery.confirmStatus = answer.status();
        delivery.confirmAnswer = answer.summary();
        LOG.infof("Shipment %s of delivery %s confirmed to order-service: %s", delivery.shipmentId, deliveryId, answer.summary());
        return Delivery.of(delivery);
    }

    @Transactional
    Optional<String> orderServiceBaseUrl() {
        return Optional.ofNullable(WmsSettingEntity.current().orderServiceBaseUrl);
    }
}
