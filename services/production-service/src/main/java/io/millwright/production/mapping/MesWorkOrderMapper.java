package io.millwright.production.mapping;

import java.math.BigDecimal;

import io.millwright.production.persistence.ProductionOrderEntity;

/** Stored production order → MES dispatch payload. */
public final class MesWorkOrderMapper {

    private MesWorkOrderMapper() {
    }

    public static MesWorkOrder toWorkOrder(ProductionOrderEntity order) {
        return new MesWorkOrder(order.id, order.plantId, order.itemId, quantity(order.quantity, order.uom), order.outputLot,
                order.dueDate, order.salesOrderId,
                order.operations.stream().map(op -> new MesWorkOrder.Operation(op.sequence, op.operationNumber, op.description,
                        op.workCenterId, op.resourceId, quantity(op.plannedQuantity, op.uom))).toList(),
                order.components.stream().map(c -> new MesWorkOrder.Component(c.position, c.itemId, c.operationNumber,
                        quantity(c.requiredQuantity, c.uom), c.lotId)).toList());
    }

    /** Database scale is storage detail: 50.000000 goes out as 50. */
    static MesQuantity quantity(BigDecimal value, String unit) {
        BigDecimal plain = value.stripTrailingZeros();
        return new MesQuantity(plain.scale() < 0 ? plain.setScale(0) : plain, unit);
    }
}
