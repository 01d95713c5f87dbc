package io.millwright.order.mapping;

import java.math.BigDecimal;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.Quantity;
import io.millwright.erp.contract.SalesOrderLine;
import io.millwright.order.persistence.SalesOrderEntity;
import io.millwright.order.persistence.SalesOrderLineEntity;

/** Canonical order → ERP CreateSalesOrder request. externalReference is our order id: ERP's idempotency key. */
public final class ErpSalesOrderMapper {

    private ErpSalesOrderMapper() {
    }

    public static CreateSalesOrderRequest toCreateRequest(SalesOrderEntity order) {
        CreateSalesOrderRequest request = new CreateSalesOrderRequest();
        request.setExternalReference(order.id);
        request.setCustomerId(order.customerId);
        request.setCurrency(order.currency);
        request.setRequestedDeliveryDate(order.requestedDeliveryDate);
        for (SalesOrderLineEntity line : order.lines) {
            request.getLine().add(toLine(line));
        }
        return request;
    }

    private static SalesOrderLine toLine(SalesOrderLineEntity line) {
        Quantity quantity = new Quantity();
        quantity.setValue(line.quantity);
        quantity.setUnitOfMeasure(line.uom);
        SalesOrderLine erpLine = new SalesOrderLine();
        erpLine.setLineNumber(line.lineNumber);
        erpLine.setItemId(line.itemId);
        erpLine.setQuantity(quantity);
        erpLine.setUnitPrice(line.unitPrice == null ? BigDecimal.ZERO : line.unitPrice);
        return erpLine;
    }
}
