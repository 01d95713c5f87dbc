package io.millwright.production.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;

import io.millwright.erp.callback.contract.ReleaseProductionOrderRequest;

/**
 * ERP production orders (release callback and ListReleasedProductionOrders) → {@link ReleasedOrder}. Tolerates
 * missing elements (CXF does not validate against the schema); validation happens afterwards.
 */
public final class ErpReleaseMapper {

    private ErpReleaseMapper() {
    }

    public static ReleasedOrder fromCallback(ReleaseProductionOrderRequest request, ZoneId plantZone) {
        io.millwright.erp.callback.contract.ProductionOrder o = request == null ? null : request.getProductionOrder();
        if (o == null) {
            return new ReleasedOrder(null, null, null, null, null, null, null, null, null, null, List.of(), List.of());
        }
        return new ReleasedOrder(o.getProductionOrderNumber(), o.getItemId(), o.getPlant(),
                o.getQuantity() == null ? null : o.getQuantity().getValue(),
                o.getQuantity() == null ? null : o.getQuantity().getUnitOfMeasure(),
                o.getLot(), blankToNull(o.getSalesOrderNumber()), date(o.getDueDate(), plantZone), o.getReleasedAt(),
                o.getStatus(),
                o.getOperation().stream().map(op -> new ReleasedOrder.Operation(op.getOperationNumber(), op.getDescription(),
                        blankToNull(op.getWorkCenter()), op.getResourceId(),
                        op.getPlannedQuantity() == null ? null : op.getPlannedQuantity().getValue(),
                        op.getPlannedQuantity() == null ? null : op.getPlannedQuantity().getUnitOfMeasure())).toList(),
                o.getComponent().stream().map(c -> new ReleasedOrder.Component(c.getItemId(), blankToNull(c.getOperationNumber()),
                        c.getRequiredQuantity() == null ? null : c.getRequiredQuantity().getValue(),
                        c.getRequiredQuantity() == null ? null : c.getRequiredQuantity().getUnitOfMeasure(),
                        blankToNull(c.getLot()))).toList());
    }

    public static ReleasedOrder fromErp(io.millwright.erp.contract.ProductionOrder o, ZoneId plantZone) {
        return new ReleasedOrder(o.getProductionOrderNumber(), o.getItemId(), o.getPlant(),
                o.getQuantity() == null ? null : o.getQuantity().getValue(),
                o.getQuantity() == null ? null : o.getQuantity().getUnitOfMeasure(),
                o.getLot(), blankToNull(o.getSalesOrderNumber()), date(o.getDueDate(), plantZone), o.getReleasedAt(),
                o.getStatus(),
                o.getOperation().stream().map(op -> new ReleasedOrder.Operation(op.getOperationNumber(), op.getDescription(),
                        blankToNull(op.getWorkCenter()), op.getResourceId(),
                        op.getPlannedQuantity() == null ? null : op.getPlannedQuantity().getValue(),
                        op.getPlannedQuantity() == null ? null : op.getPlannedQuantity().getUnitOfMeasure())).toList(),
                o.getComponent().stream().map(c -> new ReleasedOrder.Component(c.getItemId(), blankToNull(c.getOperationNumber()),
                        c.getRequiredQuantity() == null ? null : c.getRequiredQuantity().getValue(),
                        c.getRequiredQuantity() == null ? null : c.getRequiredQuantity().getUnitOfMeasure(),
                        blankToNull(c.getLot()))).toList());
    }

    /**
     * ERP sends the due date as a dateTime: with a zone (an OffsetDateTime) the due date is the plant's calendar day
     * of it, without one (a LocalDateTime) the day as written.
     */
    static LocalDate date(Temporal value, ZoneId plantZone) {
        if (value instanceof OffsetDateTime zoned) {
            return zoned.atZoneSameInstant(plantZone).toLocalDate();
        }
        return value == null ? null : LocalDate.from(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
