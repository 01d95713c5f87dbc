package io.millwright.simulators.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.MovementType;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.Quantity;
import io.millwright.erp.contract.SalesOrderLine;

/** Request fixtures built from the generated contract classes. */
final class ErpRequests {

    private ErpRequests() {
    }

    static Quantity quantity(String value, String unit) {
        Quantity quantity = new Quantity();
        quantity.setValue(new BigDecimal(value));
        quantity.setUnitOfMeasure(unit);
        return quantity;
    }

    static CreateSalesOrderRequest salesOrder(String externalReference, String customerId, String itemId,
            String quantity) {
        CreateSalesOrderRequest request = new CreateSalesOrderRequest();
        request.setExternalReference(externalReference);
        request.setCustomerId(customerId);
        request.setCurrency("EUR");
        request.setRequestedDeliveryDate(LocalDate.of(2026, 12, 15));
        SalesOrderLine line = new SalesOrderLine();
        line.setLineNumber(10);
        line.setItemId(itemId);
        line.setQuantity(quantity(quantity, "EA"));
        line.setUnitPrice(new BigDecimal("125.00"));
        request.getLine().add(line);
        return request;
    }

    static PostGoodsMovementRequest goodsMovement(String movementId, MovementType type, String itemId, String lot,
            String quantity) {
        PostGoodsMovementRequest request = new PostGoodsMovementRequest();
        request.setMovementId(movementId);
        request.setMovementType(type);
        request.setItemId(itemId);
        request.setPlant("1000");
        request.setLocation("FG01");
        request.setLot(lot);
        request.setQuantity(quantity(quantity, "EA"));
        request.setReference("PO-700001");
        request.setPostedAt(Instant.parse("2026-11-22T10:00:00Z"));
        return request;
    }

    static PostProductionConfirmationRequest confirmation(String confirmationId, String productionOrderNumber,
            String operationNumber) {
        PostProductionConfirmationRequest request = new PostProductionConfirmationRequest();
        request.setConfirmationId(confirmationId);
        request.setProductionOrderNumber(productionOrderNumber);
        request.setOperationNumber(operationNumber);
        request.setResourceId("RES-CNC-01");
        request.setYield(quantity("48", "EA"));
        request.setScrap(quantity("2", "EA"));
        request.setScrapReason("DIMENSION");
        request.setLot("L-FG100-0002");
        request.setShift("A");
        request.setFinalConfirmation(false);
        request.setPostedAt(Instant.parse("2026-11-22T11:00:00Z"));
        return request;
    }
}
