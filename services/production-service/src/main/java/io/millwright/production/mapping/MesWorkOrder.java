package io.millwright.production.mapping;

import java.time.LocalDate;
import java.util.List;

/** The MES dispatch payload ({@code POST {mes}/mes/api/v1/work-orders}, docs/contracts/plant-apps.md). */
public record MesWorkOrder(
        String productionOrderId,
        String plantId,
        String itemId,
        MesQuantity quantity,
        String lotId,
        LocalDate dueDate,
        String salesOrderId,
        List<Operation> operations,
        List<Component> components) {

    public record Operation(int sequence, String operationNumber, String description, String workCenterId, String resourceId,
            MesQuantity plannedQuantity) {
    }

    public record Component(int position, String itemId, String operationNumber, MesQuantity quantity, String lotId) {
    }
}
