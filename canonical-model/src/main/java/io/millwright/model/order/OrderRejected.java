package io.millwright.model.order;

import io.millwright.model.common.Require;
import java.time.Instant;

/**
 * An accepted order that ERP refused. {@code reasonCode} is machine-readable: the ERP fault code (e.g.
 * {@code BUS-CREDIT-BLOCKED}); {@code reason} is for people. Orders failing validation at intake are never accepted,
 * so they produce no event (the caller gets a 422).
 */
public record OrderRejected(String orderId, String crmOrderId, String reasonCode, String reason, Instant rejectedAt) {

    public OrderRejected {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonBlank(reasonCode, "reasonCode");
        Require.nonBlank(reason, "reason");
        Require.nonNull(rejectedAt, "rejectedAt");
    }
}
