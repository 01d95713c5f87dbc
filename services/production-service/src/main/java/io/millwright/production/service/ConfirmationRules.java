package io.millwright.production.service;

import java.math.BigDecimal;
import java.util.Optional;

import io.millwright.production.persistence.MesConfirmationEntity;
import io.millwright.production.persistence.OrderStatus;
import io.millwright.production.persistence.ProductionComponentEntity;
import io.millwright.production.persistence.ProductionOperationEntity;
import io.millwright.production.persistence.ProductionOrderEntity;

/**
 * Checks a confirmation against its production order and works out what enrichment adds (resource, the operation
 * the ERP posting is made against, lot, shift). Pure logic: the caller supplies the order and how much has already
 * been posted as completed for the operation, so the cumulative rule sees exactly the confirmations before this one.
 */
public final class ConfirmationRules {

    /** Either a reason why the confirmation is wrong for the order, or the enrichment. */
    public record Verdict(String invalidReason, String resourceId, String erpOperationNumber, String lotId, String shiftId) {

        static Verdict invalid(String reason) {
            return new Verdict(reason, null, null, null, null);
        }

        public boolean valid() {
            return invalidReason == null;
        }
    }

    private final BigDecimal overDeliveryTolerance;
    private final ShiftCalendar shifts;

    public ConfirmationRules(BigDecimal overDeliveryTolerance, ShiftCalendar shifts) {
        this.overDeliveryTolerance = overDeliveryTolerance;
        this.shifts = shifts;
    }

    /**
     * @param order the production order, or null when unknown
     * @param completedBefore completion quantity already posted for the confirmed operation
     */
    public Verdict check(MesConfirmationEntity c, ProductionOrderEntity order, BigDecimal completedBefore) {
        if (order == null) {
            return Verdict.invalid("Unknown production order " + c.productionOrderId);
        }
        if (order.status == OrderStatus.DISPATCH_REJECTED) {
            return Verdict.invalid("Production order " + order.id + " was never accepted by the MES");
        }
        if (order.status == OrderStatus.CLOSED && c.recordedAt.isAfter(order.closedByRecordedAt)) {
            return Verdict.invalid("Production order " + order.id + " is closed: its final confirmation was recorded at "
                    + order.closedByRecordedAt + ", this one at " + c.recordedAt);
        }
        if (c.mesWorkOrderId != null && order.mesWorkOrderId != null && !c.mesWorkOrderId.equals(order.mesWorkOrderId)) {
            return Verdict.invalid("MES work order " + c.mesWorkOrderId + " is not the work order of production order " + order.id
                    + " (" + order.mesWorkOrderId + ")");
        }
        Optional<ProductionOperationEntity> operation = Optional.empty();
        if (c.operationNumber != null) {
            operation = order.operation(c.operationNumber);
            if (operation.isEmpty()) {
                return Verdict.invalid("Production order " + order.id + " has no operation " + c.operationNumber);
            }
        }
        String shiftId = shifts.shiftAt(order.plantId, c.recordedAt).shiftId();
        return switch (c.kind) {
            case COMPLETION, SCRAP -> output(c, order, operation.orElseThrow(), completedBefore, shiftId);
            case CONSUMPTION -> consumption(c, order, operation, shiftId);
            case LABOUR -> new Verdict(null, operation.orElseThrow().resourceId, operation.orElseThrow().operationNumber, null, shiftId);
        };
    }

    private Verdict output(MesConfirmationEntity c, ProductionOrderEntity order, ProductionOperationEntity op, BigDecimal completedBefore,
            String shiftId) {
        if (!order.itemId.equals(c.materialId)) {
            return Verdict.invalid("Material " + c.materialId + " is not the item of production order " + order.id + " (" + order.itemId + ")");
        }
        if (!op.uom.equals(c.uom)) {
            return Verdict.invalid("Quantity unit " + c.uom + " does not match operation " + op.operationNumber + " (" + op.uom + ")");
        }
        if (c.kind == io.millwright.model.production.ConfirmationKind.COMPLETION) {
            BigDecimal limit = op.plannedQuantity.multiply(BigDecimal.ONE.add(overDeliveryTolerance));
            BigDecimal total = completedBefore.add(c.quantity);
            if (total.compareTo(limit) > 0) {
                return Verdict.invalid("Completed quantity of operation " + op.operationNumber + " would be " + plain(total) + " " + c.uom
                        + ", more than planned " + plain(op.plannedQuantity) + " " + op.uom + " plus "
                        + overDeliveryTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + " % tolerance ("
                        + plain(limit) + ")");
            }
        }
        String lot = c.mesLotId != null ? c.mesLotId : order.outputLot;
        return new Verdict(null, op.resourceId, op.operationNumber, lot, shiftId);
    }

    private Verdict consumption(MesConfirmationEntity c, ProductionOrderEntity order, Optional<ProductionOperationEntity> operation,
            String shiftId) {
        Optional<ProductionComponentEntity> component = order.components.stream()
                .filter(comp -> comp.itemId.equals(c.materialId))
                .filter(comp -> operation.isEmpty() || comp.operationNumber == null || comp.operationNumber.equals(c.operationNumber))
                .findFirst();
        if (component.isEmpty()) {
            component = order.components.stream().filter(comp -> comp.itemId.equals(c.materialId)).findFirst();
        }
        if (component.isEmpty()) {
            return Verdict.invalid("Material " + c.materialId + " is not a component of production order " + order.id);
        }
        ProductionComponentEntity comp = component.get();
        if (!comp.uom.equals(c.uom)) {
            return Verdict.invalid("Quantity unit " + c.uom + " does not match component " + comp.itemId + " (" + comp.uom + ")");
        }
        ProductionOperationEntity op = operation
                .or(() -> comp.operationNumber == null ? Optional.empty() : order.operation(comp.operationNumber))
                .orElse(order.operations.get(0));
        String lot = c.mesLotId != null ? c.mesLotId : comp.lotId;
        return new Verdict(null, op.resourceId, op.operationNumber, lot, shiftId);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
