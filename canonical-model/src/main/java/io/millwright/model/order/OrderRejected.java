package io.millwright.model.order;

import io.millwright.model.common.Require;
import java.time.Instant;

/** {@code reasonCode} is machine-readable (e.g. {@code CUSTOMER_BLOCKED}, {@code ERP_REJECTED}); {@code reason} is for people. */
public record OrderRejected(String orderId, String crmOrderId, String reasonCode, String reason, Instant rejectedAt) {

    public OrderRejected {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonBlank(reasonCode, "reasonCode");
        Require.nonBlank(reason, "reason");
        Require.nonNull(rejectedAt, "rejectedAt");
    }
}
