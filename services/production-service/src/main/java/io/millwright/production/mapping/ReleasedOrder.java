package io.millwright.production.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A production order as ERP releases it, independent of which SOAP contract brought it (the release callback or
 * ListReleasedProductionOrders: the two declare the same types in different namespaces). Fields may be missing:
 * {@link ReleaseValidator} says what is wrong with it.
 */
public record ReleasedOrder(
        String productionOrderNumber,
        String itemId,
        String plantId,
        BigDecimal quantity,
        String unitOfMeasure,
        String lot,
        String salesOrderNumber,
        LocalDate dueDate,
        Instant releasedAt,
        String status,
        List<Operation> operations,
        List<Component> components) {

    public record Operation(String operationNumber, String description, String workCenterId, String resourceId,
            BigDecimal plannedQuantity, String unitOfMeasure) {
    }

    public record Component(String itemId, String operationNumber, BigDecimal requiredQuantity, String unitOfMeasure, String lot) {
    }
}
