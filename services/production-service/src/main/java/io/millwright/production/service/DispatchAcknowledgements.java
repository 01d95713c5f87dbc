package io.millwright.production.service;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.event.EventType;
import io.millwright.model.production.DispatchAcknowledged;
import io.millwright.production.mapping.MesAcknowledgementRequest;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionOrderEntity;

/**
 * P2: the MES acknowledged a work order. Recorded once with a {@code production.dispatch.acknowledged} event; a
 * repeat changes nothing. An acknowledgement for an order we still hold as RELEASED (the dispatch answer was lost)
 * proves the dispatch: the order takes the MES's work order id and is not dispatched again.
 */
@ApplicationScoped
public class DispatchAcknowledgements {

    @Inject
    ProductionTimeline timeline;

    @Inject
    OutboxWriter outbox;

    /** @return false when the production order is unknown */
    @Transactional
    public boolean acknowledge(MesAcknowledgementRequest ack) {
        Optional<ProductionOrderEntity> found = ProductionOrderEntity.findByIdOptional(ack.productionOrderId(), LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return false;
        }
        ProductionOrderEntity order = found.get();
        if (order.acknowledgedAt != null) {
            return true;
        }
        Instant now = Instant.now();
        if (order.status == OrderStatus.RELEASED) {
            // The MES has the work order although our dispatch has not (yet) recorded its answer.
            order.dispatchedAt = ack.acknowledgedAt().isBefore(now) ? ack.acknowledgedAt() : now;
            timeline.record(order.id, ProductionTimeline.DISPATCHED, "MES work order " + ack.mesWorkOrderId()
                    + " (known from its acknowledgement, before the dispatch answer was recorded)", Correlation.current());
        }
        if (order.mesWorkOrderId == null) {
            order.mesWorkOrderId = ack.mesWorkOrderId();
        }
        order.acknowledgedAt = ack.acknowledgedAt();
        if (order.status == OrderStatus.RELEASED || order.status == OrderStatus.DISPATCHED) {
            order.status = OrderStatus.ACKNOWLEDGED;
        }
        order.updatedAt = now;
        timeline.record(order.id, ProductionTimeline.ACKNOWLEDGED, "MES work order " + ack.mesWorkOrderId() + " acknowledged at "
                + ack.acknowledgedAt(), Correlation.current());
        outbox.append(EventType.PRODUCTION_DISPATCH_ACKNOWLEDGED, order.id, new DispatchAcknowledged(order.id, ack.mesWorkOrderId(),
                order.operations.get(0).resourceId, order.dispatchedAt, ack.acknowledgedAt()), Correlation.current());
        return true;
    }
}
