package io.millwright.model.production;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Quantity;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A production order as released by the ERP; {@code productionOrderId} is the ERP order number. */
public record ProductionOrder(
        String productionOrderId,
        String plantId,
        String itemId,
        Quantity plannedQuantity,
        ProductionOrderStatus status,
        @Nullable String resourceId,
        @Nullable String salesOrderId,
        @Nullable String outputLotId,
        @Nullable Instant scheduledStart,
        LocalDate dueDate,
        List<ProductionOperation> operations,
        List<ProductionComponent> components) {

    public ProductionOrder {
        Require.nonBlank(productionOrderId, "productionOrderId");
        Require.nonBlank(plantId, "plantId");
        Require.nonBlank(itemId, "itemId");
        Require.positive(plannedQuantity, "plannedQuantity");
        Require.nonNull(status, "status");
        Require.nonBlankIfPresent(resourceId, "resourceId");
        Require.nonBlankIfPresent(salesOrderId, "salesOrderId");
        Require.nonBlankIfPresent(outputLotId, "outputLotId");
        Require.nonNull(dueDate, "dueDate");
        operations = Require.nonEmptyList(operations, "operations");
        components = Require.list(components, "components");
    }
}
