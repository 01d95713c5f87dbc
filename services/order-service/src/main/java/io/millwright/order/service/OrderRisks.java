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
import io.millwright.model.maintenance.MaintenanceIncident;
import io.millwright.model.maintenance.MaintenanceIncidentOpened;
import io.millwright.model.maintenance.MaintenanceIncidentResolved;
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
 * cleared when the hold is released (timeline, and the CRM told {@code RISK_CLEARED} once no risk is left). Machine
 * incidents (M4) put orders at risk the same way, under the incident's id, while their resource is down.
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
        clear(released.holdId(), released.releasedAt(), "Quality hold " + released.holdId() + " on " + String.join(", ", released.lotIds())
                + " released: " + released.reason());
    }

    /** Clears every open risk raised under {@code reference}; an order with no risk left is told RISK_CLEARED. */
    private void clear(String reference, Instant at, String what) {
        @SuppressWarnings("unchecked")
        List<String> orders = em.createNativeQuery("SELECT order_id FROM order_risk WHERE reference = ?1 AND cleared_at IS NULL ORDER BY order_id")
                .setParameter(1, reference).getResultList();
        for (String orderId : orders) {
            SalesOrderEntity order = SalesOrderEntity.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
            em.createNativeQuery("UPDATE order_risk SET cleared_at = ?3 WHERE order_id = ?1 AND reference = ?2")
                    .setParameter(1, orderId).setParameter(2, reference).setParameter(3, at).executeUpdate();
            long open = ((Number) em.createNativeQuery("SELECT count(*) FROM order_risk WHERE order_id = ?1 AND cleared_at IS NULL")
                    .setParameter(1, orderId).getSingleResult()).longValue();
            String detail = what + (open == 0 ? "" : "; " + open + " other risk(s) remain");
            timeline.record(orderId, RISK_CLEARED, detail, correlation(order));
            if (open == 0) {
                tellCrm(order, UUID.randomUUID(), RISK_CLEARED, detail, at);
                deliveries.riskCleared(order);
            }
            LOG.infof("Order %s: risk %s cleared (%d left)", orderId, reference, open);
        }
    }

    /**
     * M4: a machine incident on a resource puts at risk the orders whose production orders run or wait there (the
     * incident names them); its resolution clears those risks. A production order the order-service does not know (yet)
     * puts nothing at risk.
     */
    @Transactional
    public void onMaintenanceEvent(CloudEvent event) {
        EventType type = EventType.fromType(event.getType());
        if (type == EventType.MAINTENANCE_INCIDENT_OPENED) {
            MaintenanceIncident incident = InboundEventReader.data(event, MaintenanceIncidentOpened.class).incident();
            List<String> affected = incident.affectedProductionOrderIds() == null ? List.of() : incident.affectedProductionOrderIds();
            for (String productionOrderId : affected) {
                ProductionLinkEntity link = ProductionLinkEntity.findById(productionOrderId);
                if (link == null) {
                    continue;
                }
                SalesOrderEntity order = SalesOrderEntity.findById(link.orderId, LockModeType.PESSIMISTIC_WRITE);
                String resource = incident.resourceId() == null ? incident.assetId() : incident.resourceId();
                String reason = "Resource " + resource + " is down (machine incident " + incident.incidentId() + ": fault " + incident.faultCode()
                        + (incident.faultDescription() == null ? "" : " " + incident.faultDescription()) + " since " + incident.firstAlertAt()
                        + "); production order " + productionOrderId + (productionOrderId.equals(incident.activeProductionOrderId())
                                ? " runs there" : " waits for it");
                raise(order, incident.incidentId(), AtRiskCause.MACHINE_DOWNTIME, null, resource, productionOrderId, reason);
            }
        } else if (type == EventType.MAINTENANCE_INCIDENT_RESOLVED) {
            MaintenanceIncidentResolved resolved = InboundEventReader.data(event, MaintenanceIncidentResolved.class);
            MaintenanceIncident incident = resolved.incident();
            clear(incident.incidentId(), resolved.resolvedAt(), "Machine incident " + incident.incidentId() + " on "
                    + (incident.resourceId() == null ? incident.assetId() : incident.resourceId()) + " resolved at " + resolved.resolvedAt());
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
        String reason = "Lot " + link.lotId + " of " + link.itemId + " (production order " + link.productionOrderId + ") is on quality hold "
                + holdId + ": " + holdReason;
        raise(order, holdId, AtRiskCause.QUALITY_HOLD, link.lotId, null, link.productionOrderId, reason);
    }

    /** Raises one risk of an order (once per order and reference): the event, the timeline, the CRM told. */
    private void raise(SalesOrderEntity order, String reference, AtRiskCause cause, String lotId, String resourceId, String productionOrderId,
            String reason) {
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                INSERT INTO order_risk (order_id, reference, cause, lot_id, production_order_id, reason, raised_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, order.id).setParameter(2, reference).setParameter(3, cause.name()).setParameter(4, lotId)
                .setParameter(5, productionOrderId).setParameter(6, reason).setParameter(7, now).executeUpdate();
        if (inserted == 0) {
            return;
        }
        String correlationId = correlation(order);
        OrderAtRisk atRisk = new OrderAtRisk(order.id, order.crmOrderId, cause, reason, lotId, resourceId, productionOrderId, reference,
                order.requestedDeliveryDate, now);
        UUID eventId = outbox.append(EventType.ORDER_AT_RISK, order.id, atRisk, correlationId);
        timeline.record(order.id, AT_RISK, reason, correlationId);
        tellCrm(order, eventId, AT_RISK, reason, now);
        metrics.counter("millwright.order.at.risk", "cause", cause.name()).increment();
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
