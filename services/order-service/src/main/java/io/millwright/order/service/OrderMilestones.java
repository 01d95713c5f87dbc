package io.millwright.order.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.InventoryMovement;
import io.millwright.model.inventory.InventoryMovementPosted;
import io.millwright.model.inventory.MovementType;
import io.millwright.model.inventory.StockStatus;
import io.millwright.model.order.OrderMilestone;
import io.millwright.model.order.OrderMilestoneReached;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.order.persistence.OrderMilestoneEntity;
import io.millwright.order.persistence.ProductionLinkEntity;
import io.millwright.order.persistence.SalesOrderEntity;

/**
 * O4: turns production and inventory events into order milestones. A production order belongs to an order when its
 * release names the ERP sales order number the order was confirmed under. Each milestone is reached once per order,
 * in the canonical order (a later one is only reached when its predecessors are), so duplicate and out-of-order
 * events never record a milestone twice or move an order backwards. A milestone is recorded on the timeline,
 * published as order.milestone.reached through the outbox and queued for the CRM webhook, all in one transaction.
 * Events about production orders of no known order are ignored by design (counted, logged at debug).
 */
@ApplicationScoped
public class OrderMilestones {

    private static final Logger LOG = Logger.getLogger(OrderMilestones.class);

    @Inject
    OrderTimeline timeline;

    @Inject
    OutboxWriter outbox;

    @Inject
    MeterRegistry metrics;

    @Inject
    WorkQueues workQueues;

    @Inject
    OrderRisks risks;

    @Inject
    Deliveries deliveries;

    /** The CRM took the milestone (body: the webhook JSON as sent): shown on the order's timeline. */
    @Transactional
    public void notified(@Body String webhookBody) throws JsonProcessingException {
        JsonNode body = ModelJson.mapper().readTree(webhookBody);
        String orderId = body.path("orderId").asText();
        timeline.record(orderId, OrderTimeline.CRM_NOTIFIED, "CRM took milestone " + body.path("milestone").asText() + " (event "
                + body.path("eventId").asText() + ")", null);
    }

    @Transactional
    public void onProductionOrderReleased(CloudEvent event) {
        ProductionOrderReleased released = InboundEventReader.data(event, ProductionOrderReleased.class);
        ProductionOrder productionOrder = released.productionOrder();
        String salesOrderNumber = productionOrder.salesOrderId();
        Optional<SalesOrderEntity> found = salesOrderNumber == null ? Optional.empty()
                : SalesOrderEntity.<SalesOrderEntity> find("erpSalesOrderNumber = ?1 order by createdAt desc", salesOrderNumber)
                        .firstResultOptional();
        if (found.isEmpty()) {
            unlinked(event, productionOrder.productionOrderId());
            return;
        }
        SalesOrderEntity order = lock(found.get().id);
        ProductionLinkEntity link = ProductionLinkEntity.findById(productionOrder.productionOrderId());
        if (link == null) {
            link = new ProductionLinkEntity();
            link.productionOrderId = productionOrder.productionOrderId();
            link.orderId = order.id;
            link.itemId = productionOrder.itemId();
            link.quantity = productionOrder.plannedQuantity().value();
            link.uom = productionOrder.plannedQuantity().unitOfMeasure();
            link.releasedAt = released.releasedAt();
            link.persist();
        }
        lotKnown(order, link, productionOrder.outputLotId());
        reach(order, OrderMilestone.PRODUCTION_RELEASED, "Production order " + link.productionOrderId + " released: "
                + quantity(link) + " of " + link.itemId, link.productionOrderId, released.releasedAt());
    }

    @Transactional
    public void onConfirmationPosted(CloudEvent event) {
        ProductionConfirmation confirmation = InboundEventReader.data(event, ConfirmationPosted.class).confirmation();
        ProductionLinkEntity link = linkOf(event, confirmation.productionOrderId());
        if (link == null) {
            return;
        }
        SalesOrderEntity order = lock(link.orderId);
        if (link.startedAt == null) {
            link.startedAt = confirmation.occurredAt();
        }
        reach(order, OrderMilestone.PRODUCTION_STARTED, "First confirmation " + confirmation.confirmationId()
                + " for production order " + link.productionOrderId, link.productionOrderId, confirmation.occurredAt());
        if (confirmation.kind() == ConfirmationKind.COMPLETION) {
            lotKnown(order, link, confirmation.lotId());
        }
        if (confirmation.kind() == ConfirmationKind.COMPLETION && confirmation.finalConfirmation()
                && link.completedAt == null) {
            link.completedAt = confirmation.occurredAt();
        }
        progress(order, link);
    }

    @Transactional
    public void onMovementPosted(CloudEvent event) {
        InventoryMovement movement = InboundEventReader.data(event, InventoryMovementPosted.class).movement();
        if (movement.type() != MovementType.PRODUCTION_RECEIPT || movement.productionOrderId() == null) {
            return;
        }
        ProductionLinkEntity link = linkOf(event, movement.productionOrderId());
        if (link == null) {
            return;
        }
        SalesOrderEntity order = lock(link.orderId);
        lotKnown(order, link, movement.lotId());
        if (movement.stockStatus() != StockStatus.UNRESTRICTED) {
            return;
        }
        if (link.unrestrictedReceiptAt == null) {
            link.unrestrictedReceiptAt = movement.occurredAt();
        }
        progress(order, link);
    }

    /** The WMS shipped the order (in the caller's transaction, the order row locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reachShipped(SalesOrderEntity order, String detail, String shipmentId, Instant shippedAt) {
        reach(order, OrderMilestone.SHIPPED, detail, shipmentId, shippedAt);
    }

    /** The first lot named for a production order is its lot; a lot already on quality hold puts the order at risk. */
    private void lotKnown(SalesOrderEntity order, ProductionLinkEntity link, String lotId) {
        if (lotId == null || link.lotId != null) {
            return;
        }
        link.lotId = lotId;
        risks.lotLinked(order, link);
    }

    /** COMPLETED once every production order of the order completed; READY_TO_SHIP once each also has its receipt. */
    private void progress(SalesOrderEntity order, ProductionLinkEntity changed) {
        List<ProductionLinkEntity> links = ProductionLinkEntity.forOrder(order.id);
        if (links.stream().allMatch(l -> l.completedAt != null)) {
            Instant completedAt = links.stream().map(l -> l.completedAt).max(Instant::compareTo).orElseThrow();
            reach(order, OrderMilestone.PRODUCTION_COMPLETED, summary(links, " produced"), changed.productionOrderId,
                    completedAt);
            if (links.stream().allMatch(l -> l.unrestrictedReceiptAt != null)) {
                Instant receivedAt = links.stream().map(l -> l.unrestrictedReceiptAt).max(Instant::compareTo).orElseThrow();
                reach(order, OrderMilestone.READY_TO_SHIP, summary(links, " in unrestricted stock"),
                        changed.productionOrderId, receivedAt.isAfter(completedAt) ? receivedAt : completedAt);
                deliveries.readyToShip(order);
            }
        }
    }

    private void reach(SalesOrderEntity order, OrderMilestone milestone, String detail, String sourceReference,
            Instant reachedAt) {
        if (OrderMilestoneEntity.reached(order.id, milestone)) {
            return;
        }
        String correlationId = Correlation.current() != null ? Correlation.current() : order.correlationId;
        OrderMilestoneReached reached = new OrderMilestoneReached(order.id, order.crmOrderId, milestone, detail,
                sourceReference, reachedAt);
        UUID eventId = outbox.append(EventType.ORDER_MILESTONE_REACHED, order.id, reached, correlationId);

        OrderMilestoneEntity entity = new OrderMilestoneEntity();
        entity.orderId = order.id;
        entity.milestone = milestone;
        entity.reachedAt = reachedAt;
        entity.detail = detail;
        entity.sourceReference = sourceReference;
        entity.eventId = eventId;
        entity.persist();
        timeline.record(order.id, milestone.name(), detail, correlationId);

        // The CRM learns of it through the work queue: in order per order, retried while the CRM is away.
        workQueues.enqueue(OrderQueues.CRM_MILESTONE, eventId.toString(), webhookBody(eventId, reached), order.id);

        metrics.counter("millwright.order.milestones", "milestone", milestone.name()).increment();
        LOG.infof("Order %s (CRM %s) reached %s: %s", order.id, order.crmOrderId, milestone, detail);
    }

    private ProductionLinkEntity linkOf(CloudEvent event, String productionOrderId) {
        ProductionLinkEntity link = ProductionLinkEntity.findById(productionOrderId);
        if (link == null) {
            unlinked(event, productionOrderId);
        }
        return link;
    }

    private void unlinked(CloudEvent event, String productionOrderId) {
        metrics.counter("millwright.order.events.unlinked", "type", event.getType()).increment();
        LOG.debugf("Event %s (%s) for production order %s of no known order: ignored", event.getId(), event.getType(),
                productionOrderId);
    }

    private static SalesOrderEntity lock(String orderId) {
        // one order's milestones are decided one event at a time, whichever consumer the events come from
        return SalesOrderEntity.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static String quantity(ProductionLinkEntity link) {
        return link.quantity.stripTrailingZeros().toPlainString() + " " + link.uom;
    }

    private static String summary(List<ProductionLinkEntity> links, String what) {
        StringBuilder text = new StringBuilder();
        for (ProductionLinkEntity link : links) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(quantity(link)).append(" of ").append(link.itemId).append(what).append(" (")
                    .append(link.productionOrderId).append(')');
        }
        return text.toString();
    }

    /** The CRM webhook body of docs/contracts/plant-apps.md; the eventId is the order.milestone.reached event's id. */
    static String webhookBody(UUID eventId, OrderMilestoneReached reached) {
        return webhookBody(eventId, reached.orderId(), reached.crmOrderId(), reached.milestone().name(), reached.detail(), reached.reachedAt());
    }

    /** The same body for what the CRM hears besides the milestones: AT_RISK and RISK_CLEARED. */
    static String webhookBody(UUID eventId, String orderId, String crmOrderId, String milestone, String detail, Instant reachedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("orderId", orderId);
        body.put("crmOrderId", crmOrderId);
        body.put("milestone", milestone);
        body.put("detail", detail);
        body.put("reachedAt", reachedAt.toString());
        try {
            return ModelJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the CRM milestone body", e);
        }
    }
}
