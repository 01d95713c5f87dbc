package io.millwright.model.order;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.time.LocalDate;

/** Fulfilment of the order is threatened; the optional references say by what (lot on hold, resource down, ...). */
public record OrderAtRisk(
        String orderId,
        String crmOrderId,
        AtRiskCause cause,
        String reason,
        @Nullable String lotId,
        @Nullable String resourceId,
        @Nullable String productionOrderId,
        @Nullable String sourceReference,
        @Nullable LocalDate expectedDeliveryDate,
        Instant detectedAt) {

    public OrderAtRisk {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonNull(cause, "cause");
        Require.nonBlank(reason, "reason");
        Require.nonBlankIfPresent(lotId, "lotId");
        Require.nonBlankIfPresent(resourceId, "resourceId");
        Require.nonBlankIfPresent(productionOrderId, "productionOrderId");
        Require.nonBlankIfPresent(sourceReference, "sourceReference");
        Require.nonNull(detectedAt, "detectedAt");
    }
}
