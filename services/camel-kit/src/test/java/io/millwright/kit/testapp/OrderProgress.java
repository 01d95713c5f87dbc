package io.millwright.kit.testapp;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.event.EventType;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.order.OrderMilestone;
import io.millwright.model.order.OrderMilestoneReached;

/**
 * What a service does with the outbox: change its own state and record the event in one transaction.
 * Each method returns the outbox id (the CloudEvents id) of the event it appended.
 */
@ApplicationScoped
public class OrderProgress {

    @Inject
    OutboxWriter outbox;

    /** Records the confirmation and appends {@code order.confirmed}; then fails, rolling both back, when asked to. */
    @Transactional
    public UUID confirm(String orderId, boolean failAfterAppend) {
        record(orderId, "CONFIRMED");
        UUID eventId = outbox.append(EventType.ORDER_CONFIRMED, orderId,
                new OrderConfirmed(orderId, crmOrderId(orderId), "SO-" + orderId, Instant.now()));
        if (failAfterAppend) {
            throw new SimulatedOutageException("Failing after event " + eventId + " of " + orderId + " was appended");
        }
        return eventId;
    }

    @Transactional
    public UUID reachMilestone(String orderId, OrderMilestone milestone) {
        record(orderId, milestone.name());
        return outbox.append(EventType.ORDER_MILESTONE_REACHED, orderId,
                new OrderMilestoneReached(orderId, crmOrderId(orderId), milestone, null, null, Instant.now()));
    }

    /** Appends {@code order.confirmed} data without the required erpSalesOrderNumber and confirmedAt. */
    @Transactional
    public UUID confirmWithInvalidEvent(String orderId) {
        record(orderId, "CONFIRMED");
        return outbox.append(EventType.ORDER_CONFIRMED, orderId, Map.of("orderId", orderId, "crmOrderId", crmOrderId(orderId)));
    }

    private static void record(String orderId, String step) {
        OrderProgressEntry entry = new OrderProgressEntry();
        entry.id = UUID.randomUUID();
        entry.orderId = orderId;
        entry.step = step;
        entry.recordedAt = Instant.now();
        entry.persist();
    }

    private static String crmOrderId(String orderId) {
        return "CRM-" + orderId;
    }
}
