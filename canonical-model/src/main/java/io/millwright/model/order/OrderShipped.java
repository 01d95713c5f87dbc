package io.millwright.model.order;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.util.List;

public record OrderShipped(
        String orderId,
        String crmOrderId,
        String shipmentId,
        List<ShipmentLine> lines,
        @Nullable String carrier,
        @Nullable String trackingNumber,
        Instant shippedAt) {

    public OrderShipped {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonBlank(shipmentId, "shipmentId");
        lines = Require.nonEmptyList(lines, "lines");
        Require.nonBlankIfPresent(carrier, "carrier");
        Require.nonBlankIfPresent(trackingNumber, "trackingNumber");
        Require.nonNull(shippedAt, "shippedAt");
    }
}
