package io.millwright.order.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.persistence.SqlTimes;
import io.millwright.kit.target.HttpAnswers;
import io.millwright.kit.target.TargetSystems;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.order.OrderShipped;
import io.millwright.model.order.ShipmentLine;
import io.millwright.order.client.WmsDeliveryApi;
import io.millwright.order.persistence.ProductionLinkEntity;
import io.millwright.order.persistence.SalesOrderEntity;

/**
 * O3/O4 shipped: an order ready to ship gets one outbound delivery ({@code DL-<order id>}), released to the WMS through
 * the work queue {@value #QUEUE} — unless a lot of the order is on quality hold: then the delivery is BLOCKED (the order
 * is at risk and the CRM was told) until the last hold on it is released. The WMS's shipment confirmation makes the
 * order SHIPPED: {@code order.shipped}, the milestone and the CRM's SHIPPED.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    public static final String QUEUE = "order.wms-delivery";
    public static final String TARGET = "wms";

    public enum Status { BLOCKED, REQUESTED, RELEASED, SHIPPED }

    public record Delivery(String orderId, String deliveryId, Status status, String blockedReason, Instant requestedAt, Instant releasedAt,
            String shipmentId, Instant shippedAt) {
    }

    /** What the WMS confirms. */
    public record ShipmentConfirmation(String deliveryId, String shipmentId, Instant shippedAt, String carrier, String trackingNumber) {
    }

    public record ShipmentOutcome(Delivery delivery, boolean repeated) {
    }

    public static class ShipmentRefusedException extends RuntimeException {
        final boolean unknown;

        ShipmentRefusedException(String message, boolean unknown) {
            super(message);
            this.unknown = unknown;
        }

        public boolean unknown() {
            return unknown;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    WorkQueues workQueues;

    @Inject
    TargetSystems targets;

    @Inject
    OutboxWriter outbox;

    @Inject
    OrderTimeline timeline;

    @Inject
    OrderMilestones milestones;

    public static String deliveryIdOf(String orderId) {
        return "DL-" + orderId;
    }

    /** The order reached READY_TO_SHIP (in that transaction, the order row locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readyToShip(SalesOrderEntity order) {
        if (get(order.id).isPresent()) {
            return;
        }
        Optional<String> risk = openRisk(order.id);
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO delivery (order_id, delivery_id, status, blocked_reason, requested_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, order.id).setParameter(2, deliveryIdOf(order.id))
                .setParameter(3, (risk.isPresent() ? Status.BLOCKED : Status.REQUESTED).name()).setParameter(4, risk.orElse(null))
                .setParameter(5, now).executeUpdate();
        if (risk.isPresent()) {
            timeline.record(order.id, "DELIVERY_BLOCKED", "Delivery " + deliveryIdOf(order.id) + " not released to the WMS: " + risk.get(),
                    correlation(order));
            LOG.infof("Order %s ready to ship but blocked: %s", order.id, risk.get());
            return;
        }
        release(order);
    }

    /** The order's last risk was cleared (in that transaction, the order row locked): a blocked delivery goes out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void riskCleared(SalesOrderEntity order) {
        if (get(order.id).filter(d -> d.status() == Status.BLOCKED).isPresent()) {
            em.createNativeQuery("UPDATE delivery SET status = 'REQUESTED', blocked_reason = NULL WHERE order_id = ?1").setParameter(1, order.id)
                    .executeUpdate();
            release(order);
        }
    }

    /** The work queue's step: the delivery to the WMS (idempotent there by deliveryId). */
    public void deliver(@Body String body) {
        String deliveryId = ModelJsonNode.of(body).path("deliveryId").asText();
        String what = "delivery " + deliveryId;
        WmsDeliveryApi wms = targets.restClient(WmsDeliveryApi.class, TARGET);
        targets.call(TARGET, what, () -> HttpAnswers.exchange(TARGET, what, () -> wms.release(body), answer -> null), Void.class);
        released(deliveryId);
    }

    @Transactional
    void released(String deliveryId) {
        @SuppressWarnings("unchecked")
        List<String> orders = em.createNativeQuery("UPDATE delivery SET status = 'RELEASED', released_at = ?2 WHERE delivery_id = ?1 "
                + "AND status = 'REQUESTED' RETURNING order_id").setParameter(1, deliveryId).setParameter(2, Instant.now()).getResultList();
        for (String orderId : orders) {
            timeline.record(orderId, "DELIVERY_RELEASED", "Delivery " + deliveryId + " released to the WMS", null);
        }
    }

    /** The WMS shipped the delivery: the order is SHIPPED (once; the same shipment again changes nothing). */
    @Transactional
    public ShipmentOutcome shipped(ShipmentConfirmation confirmation) {
        @SuppressWarnings("unchecked")
        List<String> orderIds = em.createNativeQuery("SELECT order_id FROM delivery WHERE delivery_id = ?1").setParameter(1, confirmation.deliveryId())
                .getResultList();
        if (orderIds.isEmpty()) {
            throw new ShipmentRefusedException("No delivery " + confirmation.deliveryId() + " was released to the WMS", true);
        }
        SalesOrderEntity order = SalesOrderEntity.findById(orderIds.get(0), LockModeType.PESSIMISTIC_WRITE);
        Delivery delivery = get(order.id).orElseThrow();
        if (delivery.status() == Status.SHIPPED) {
            if (delivery.shipmentId().equals(confirmation.shipmentId())) {
                return new ShipmentOutcome(delivery, true);
            }
            throw new ShipmentRefusedException("Delivery " + delivery.deliveryId() + " was shipped as " + delivery.shipmentId() + " already", false);
        }
        if (delivery.status() == Status.BLOCKED) {
            throw new ShipmentRefusedException("Delivery " + delivery.deliveryId() + " is blocked (" + delivery.blockedReason()
                    + "): it was never released to the WMS", false);
        }
        em.createNativeQuery("UPDATE delivery SET status = 'SHIPPED', shipment_id = ?2, shipped_at = ?3 WHERE order_id = ?1")
                .setParameter(1, order.id).setParameter(2, confirmation.shipmentId()).setParameter(3, confirmation.shippedAt()).executeUpdate();
        List<ShipmentLine> lines = lines(order.id);
        outbox.append(EventType.ORDER_SHIPPED, order.id, new OrderShipped(order.id, order.crmOrderId, confirmation.shipmentId(), lines,
                confirmation.carrier(), confirmation.trackingNumber(), confirmation.shippedAt()), correlation(order));
        String detail = "Shipment " + confirmation.shipmentId() + " of delivery " + delivery.deliveryId()
                + (confirmation.carrier() == null ? "" : " with " + confirmation.carrier())
                + (confirmation.trackingNumber() == null ? "" : ", tracking " + confirmation.trackingNumber());
        milestones.reachShipped(order, detail, confirmation.shipmentId(), confirmation.shippedAt());
        LOG.infof("Order %s shipped: %s", order.id, detail);
        return new ShipmentOutcome(get(order.id).orElseThrow(), false);
    }

    public Optional<Delivery> get(String orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT order_id, delivery_id, status, blocked_reason, requested_at, released_at, shipment_id, "
                + "shipped_at FROM delivery WHERE order_id = ?1").setParameter(1, orderId).getResultList();
        return rows.stream().findFirst().map(r -> new Delivery((String) r[0], (String) r[1], Status.valueOf((String) r[2]), (String) r[3],
                SqlTimes.instant(r[4]), SqlTimes.instant(r[5]), (String) r[6], SqlTimes.instant(r[7])));
    }

    private void release(SalesOrderEntity order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryIdOf(order.id));
        body.put("orderId", order.id);
        body.put("crmOrderId", order.crmOrderId);
        body.put("customerId", order.customerId);
        body.put("requestedDeliveryDate", order.requestedDeliveryDate == null ? null : order.requestedDeliveryDate.toString());
        body.put("lines", lines(order.id));
        try {
            workQueues.enqueue(QUEUE, deliveryIdOf(order.id), ModelJson.mapper().writeValueAsString(body), order.id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write delivery " + deliveryIdOf(order.id), e);
        }
    }

    private List<ShipmentLine> lines(String orderId) {
        List<ShipmentLine> lines = new ArrayList<>();
        int n = 0;
        for (ProductionLinkEntity link : ProductionLinkEntity.forOrder(orderId)) {
            lines.add(new ShipmentLine(++n, link.itemId, new Quantity(link.quantity, link.uom), link.lotId));
        }
        return lines;
    }

    private Optional<String> openRisk(String orderId) {
        @SuppressWarnings("unchecked")
        List<String> reasons = em.createNativeQuery("SELECT reason FROM order_risk WHERE order_id = ?1 AND cleared_at IS NULL ORDER BY raised_at")
                .setParameter(1, orderId).getResultList();
        return reasons.stream().findFirst();
    }

    private static String correlation(SalesOrderEntity order) {
        return Correlation.current() != null ? Correlation.current() : order.correlationId;
    }

    /** Reads a JSON body for its fields; unreadable is not retryable. */
    private static final class ModelJsonNode {
        static com.fasterxml.jackson.databind.JsonNode of(String json) {
            try {
                return ModelJson.mapper().readTree(json);
            } catch (JsonProcessingException e) {
                throw new NonRetryableException("Not a delivery body: " + e.getOriginalMessage(), e);
            }
        }
    }
}
