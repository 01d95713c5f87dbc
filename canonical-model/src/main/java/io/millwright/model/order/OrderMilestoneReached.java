package io.millwright.model.order;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;

/** {@code sourceReference} points at what caused the milestone (production order, lot, shipment id). */
public record OrderMilestoneReached(
        String orderId,
        String crmOrderId,
        OrderMilestone milestone,
        @Nullable String detail,
        @Nullable String sourceReference,
        Instant reachedAt) {

    public OrderMilestoneReached {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonNull(milestone, "milestone");
        Require.nonBlankIfPresent(detail, "detail");
        Require.nonBlankIfPresent(sourceReference, "sourceReference");
        Require.nonNull(reachedAt, "reachedAt");
    }
}
