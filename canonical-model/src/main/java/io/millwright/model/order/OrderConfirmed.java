package io.millwright.model.order;

import io.millwright.model.common.Require;
import java.time.Instant;

public record OrderConfirmed(String orderId, String crmOrderId, String erpSalesOrderNumber, Instant confirmedAt) {

    public OrderConfirmed {
        Require.nonBlank(orderId, "orderId");
        Require.nonBlank(crmOrderId, "crmOrderId");
        Require.nonBlank(erpSalesOrderNumber, "erpSalesOrderNumber");
        Require.nonNull(confirmedAt, "confirmedAt");
    }
}
