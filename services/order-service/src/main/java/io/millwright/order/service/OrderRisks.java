package io.millwright.order.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.model.event.EventType;
import io.millwright.model.order.AtRiskCause;
import io.millwright.model.order.OrderAtRisk;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;
import io.millwright.order.persistence.ProductionLinkEntity;
import io.millwright.order.persistence.SalesOrderEntity;

/**
 * O3 at risk: an order whose produced lot is on quality hold is at risk. quality-service's holds and releases are kept
 * per lot ({@code lot_quality_hold}), whichever comes first, the hold or the order's knowledge of its lot: the risk is
 * raised once per order and hold (an {@code order.at-risk} event, the timeline, the CRM told {@code AT_RISK}) and
 * cleared when the hold is released (timeline, and the CRM told {@code RISK_CLEARED} once no risk is left).
 */
@ApplicationScoped
public class OrderRisks {

    private static final Logger LOG = Logger.getLogger(OrderRisks.class);
    public static final String AT_RISK = "AT_RISK";
    public static final String RISK_CLEARED = "RISK_CLEARED";

    @Inject
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    OrderTimeline timeline;

    @Inject
    WorkQueues workQueues;

    @Inject
    MeterRegistry metrics;

    @Inject
    Deliveries deliveries;

    @Transactional
    public void onQualityEvent(CloudEvent event) {
        EventType type = EventType.fromType(event.getType());
        if (type == EventType.QUALITY_HOLD_PLACED) {
            placed(InboundEventReader.data(event, QualityHoldPlaced.class).hold());
        } else if (type == EventType.QUALITY_HOLD_RELEASED) {
            released(InboundEventReader.data(event, QualityHoldReleased.class));
        }
    }

    /** A production order's lot became known: holds already on it put the order at risk (in the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lotLinked(SalesOrderEntity order, ProductionLinkEntity link) {
        lockLot(link.lotId);
        @SuppressWarnings("unchecked")
        List<Object[]> holds = em.createNativeQuery("SELECT hold_id, reason FROM lot_quality_hold WHERE lot_id = ?1 AND released_at IS NULL "
                + "ORDER BY placed_at").setParameter(1, link.lotId).getResultList();
        for (Object[] hold : holds) {
            raise(order, (String) hold[0], link, (String) hold[1]);
        }
    }

    private void placed(QualityHold hold) {
        for (String lot : hold.lotIds()) {
            lockLot(lot);
            em.createNativeQuery("INSERT INTO lot_quality_hold (hold_id, lot_id, reason, placed_at) VALUES (?1, ?2, ?3, ?4) "
                    + "ON CONFLICT DO NOTHING").setParameter(1, hold.holdId()).setParameter(2, lot).setParameter(3, hold.reason())
                    .setParameter(4, hold.placedAt()).executeUpdate();
            for (ProductionLinkEntity link : ProductionLinkEntity.<ProductionLinkEntity> list("lotId = ?1 order by productionOrderId", lot)) {
                SalesOrderEntity order = SalesOrderEntity.findById(link.orderId, LockModeType.PESSIMISTIC_WRITE);
                raise(order, hold.holdId(), link, hold.reason());
            }
        }
    }

    private void released(QualityHoldReleased released) {
        em.createNativeQuery("UPDATE lot_quality_hold SET released_at = ?2 WHERE hold_id = ?1 AND released_at IS NULL")
                .setParameter(1, released.holdId()).setParameter(2, released.releasedAt()).executeUpdate();
        @SuppressWarnings("unchecked")
        List<String> orders = em.createNativeQuery("SELECT order_id FROM order_risk WHERE reference = ?1 AND cleared_at IS NULL ORDER BY order_id")
                .setParameter(1, released.holdId()).getResultList();
        for (String orderId : orders) {
            SalesOrderEntity order = SalesOrderEntity.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
            em.createNativeQuery("UPDATE order_risk SET cleared_at = ?3 WHERE order_id = ?1 AND reference = ?2")
                    .setParameter(1, orderId).setParameter(2, released.holdId()).setParameter(3, released.releasedAt()).executeUpdate();
            long open = ((Number) em.createNativeQuery("SELECT count(*) FROM order_risk WHERE order_id = ?1 AND cleared_at IS NULL")
                    .setParameter(1, orderId).getSingleResult()).longValue();
            String detail = "Quality hold " + released.holdId() + " on " + String.join(", ", released.lotIds()) + " released: " + released.reason()
                    + (open == 0 ? "" : "; " + open + " other risk(s) remain");
            timeline.record(orderId, RISK_CLEARED, detail, correlation(order));
            if (open == 0) {
                tellCrm(order, UUID.randomUUID(), RISK_CLEARED, detail, released.releasedAt());
                deliveries.riskCleared(order);
            }
            LOG.infof("Order %s: risk from hold %s cleared (%d left)", orderId, released.holdId(), open);
        }
    }

    /**
     * A hold and the news of a lot's order come on different topics, decided by different consumers at once: each takes
     * the lot's lock, so the later transaction sees what the earlier one committed and neither misses the other.
     */
    private void lockLot(String lotId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "order-lot:" + lotId).getSingleResult();
    }

    private void raise(SalesOrderEntity order, String holdId, ProductionLinkEntity link, String holdReason) {
        Instant now = Instant.now();
        String reason = "Lot " + link.lotId + " of " + link.itemId + " (production order " + link.productionOrderId + ") is on quality hold "
                + holdId + ": " + holdReason;
        int inserted = em.createNativeQuery("""
                INSERT INTO order_risk (order_id, reference, cause, lot_id, production_order_id, reason, raised_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, order.id).setParameter(2, holdId).setParameter(3, AtRiskCause.QUALITY_HOLD.name()).setParameter(4, link.lotId)
                .setParameter(5, link.productionOrderId).setParameter(6, reason).setParameter(7, now).executeUpdate();
        if (inserted == 0) {
            return;
        }
        String correlationId = correlation(order);
        OrderAtRisk atRisk = new OrderAtRisk(order.id, order.crmOrderId, AtRiskCause.QUALITY_HOLD, reason, link.lotId, null,
                link.productionOrderId, holdId, order.requestedDeliveryDate, now);
        UUID eventId = outbox.append(EventType.ORDER_AT_RISK, order.id, atRisk, correlationId);
        timeline.record(order.id, AT_RISK, reason, correlationId);
        tellCrm(order, eventId, AT_RISK, reason, now);
        metrics.counter("millwright.order.at.risk", "cause", AtRiskCause.QUALITY_HOLD.name()).increment();
        LOG.infof("Order %s (CRM %s) at risk: %s", order.id, order.crmOrderId, reason);
    }

    private void tellCrm(SalesOrderEntity order, UUID eventId, String what, String detail, Instant at) {
        workQueues.enqueue(OrderQueues.CRM_MILESTONE, eventId.toString(),
                OrderMilestones.webhookBody(eventId, order.id, order.crmOrderId, what, detail, at), order.id);
    }

    private static String correlation(SalesOrderEntity order) {
        return Correlation.current() != null ? Correlation.current() : order.correlationId;
    }
}
