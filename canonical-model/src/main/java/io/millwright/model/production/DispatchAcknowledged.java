package io.millwright.model.production;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;

/** The MES accepted a dispatched production order as its work order. */
public record DispatchAcknowledged(
        String productionOrderId,
        String mesWorkOrderId,
        @Nullable String resourceId,
        Instant dispatchedAt,
        Instant acknowledgedAt) {

    public DispatchAcknowledged {
        Require.nonBlank(productionOrderId, "productionOrderId");
        Require.nonBlank(mesWorkOrderId, "mesWorkOrderId");
        Require.nonBlankIfPresent(resourceId, "resourceId");
        Require.nonNull(dispatchedAt, "dispatchedAt");
        Require.nonNull(acknowledgedAt, "acknowledgedAt");
    }
}
