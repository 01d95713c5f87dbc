package io.millwright.production;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.millwright.model.production.ConfirmationKind;
import io.millwright.production.persistence.MesConfirmationEntity;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionComponentEntity;
import io.millwright.production.persistence.ProductionOperationEntity;
import io.millwright.production.persistence.ProductionOrderEntity;

/** In-memory production orders and confirmations for the plain unit tests (no database). */
public final class ProductionOrders {

    private ProductionOrders() {
    }

    /** PO-1: 50 EA of FG-100, lot L-FG100-9, operations 0010 (RES-CNC-01) and 0020 (RES-ASM-01), components SF-150 and RM-310. */
    public static ProductionOrderEntity order() {
        ProductionOrderEntity order = new ProductionOrderEntity();
        order.id = "PO-1";
        order.plantId = "1000";
        order.itemId = "FG-100";
        order.quantity = new BigDecimal("50.000000");
        order.uom = "EA";
        order.outputLot = "L-FG100-9";
        order.salesOrderId = "100001";
        order.dueDate = LocalDate.of(2026, 11, 29);
        order.status = OrderStatus.ACKNOWLEDGED;
        order.mesWorkOrderId = "WO-PO-1";
        order.operations.add(operation(order, 1, "0010", "Finish-machine valve body", "WC-CNC", "RES-CNC-01"));
        order.operations.add(operation(order, 2, "0020", "Assemble and pressure-test", "WC-ASM", "RES-ASM-01"));
        order.components.add(component(order, 1, "SF-150", "0010", "L-SF150-0001"));
        order.components.add(component(order, 2, "RM-310", "0020", null));
        return order;
    }

    private static ProductionOperationEntity operation(ProductionOrderEntity order, int sequence, String number, String description,
            String workCenter, String resource) {
        ProductionOperationEntity op = new ProductionOperationEntity();
        op.order = order;
        op.sequence = sequence;
        op.operationNumber = number;
        op.description = description;
        op.workCenterId = workCenter;
        op.resourceId = resource;
        op.plannedQuantity = new BigDecimal("50.000000");
        op.uom = "EA";
        return op;
    }

    private static ProductionComponentEntity component(ProductionOrderEntity order, int position, String item, String operation, String lot) {
        ProductionComponentEntity c = new ProductionComponentEntity();
        c.order = order;
        c.position = position;
        c.itemId = item;
        c.operationNumber = operation;
        c.requiredQuantity = new BigDecimal("50.000000");
        c.uom = "EA";
        c.lotId = lot;
        return c;
    }

    public static MesConfirmationEntity confirmation(ConfirmationKind kind, String operation, String material, String quantity, String unit) {
        MesConfirmationEntity c = new MesConfirmationEntity();
        c.confirmationId = "MES-C-1";
        c.productionOrderId = "PO-1";
        c.mesWorkOrderId = "WO-PO-1";
        c.kind = kind;
        c.mesType = kind.name();
        c.operationNumber = operation;
        c.materialId = material;
        c.quantity = new BigDecimal(quantity);
        c.uom = unit;
        c.recordedAt = Instant.parse("2026-11-22T22:30:00Z");
        return c;
    }
}
