package io.millwright.model.order;

import io.millwright.model.common.Money;
import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record OrderAccepted(
        String orderId,
        String crmOrderId,
        String customerId,
        List<SalesOrderLine> lines,
        Money total,
        @Nullable LocalDate requestedDeliveryDate,
        Instant acceptedAt) {

    public OrderAccepted {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonBlank(customerId, "customerId");
        lines = Require.nonEmptyList(lines, "lines");
        Require.nonNull(total, "total");
        Require.nonNull(acceptedAt, "acceptedAt");
    }
}
