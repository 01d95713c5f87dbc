package io.millwright.model.order;

import io.millwright.model.common.Money;
import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer order as Millwright tracks it: {@code orderId} is ours, the CRM and ERP numbers are cross-references. */
public record SalesOrder(
        String orderId,
        String crmOrderId,
        String customerId,
        @Nullable String erpSalesOrderNumber,
        SalesOrderStatus status,
        List<SalesOrderLine> lines,
        Money total,
        @Nullable LocalDate requestedDeliveryDate,
        Instant receivedAt) {

    public SalesOrder {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonBlank(customerId, "customerId");
        Require.nonBlankIfPresent(erpSalesOrderNumber, "erpSalesOrderNumber");
        Require.nonNull(status, "status");
        lines = Require.nonEmptyList(lines, "lines");
        Require.nonNull(total, "total");
        Require.nonNull(receivedAt, "receivedAt");
    }
}
