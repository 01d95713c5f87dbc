package io.millwright.production.mapping;

import java.util.ArrayList;
import java.util.List;

import io.millwright.kit.rest.FieldError;
import io.millwright.model.common.Quantity;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.production.persistence.MesConfirmationEntity;

/**
 * MES confirmation ↔ canonical {@link ProductionConfirmation}. Also the type-specific structural rules of the
 * contract (what the MES must send for each type), which are answered with 422 before anything is stored.
 */
public final class MesConfirmationMapper {

    /** Labour is booked in minutes (plant-apps.md). */
    public static final String LABOUR_UNIT = "MIN";

    private MesConfirmationMapper() {
    }

    /** Field errors of a well-typed request that still breaks the contract for its type; empty when fine. */
    public static List<FieldError> structuralErrors(MesConfirmationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.type() == null) {
            return errors;
        }
        switch (request.type()) {
            case YIELD, SCRAP -> {
                requireText(request.operationNumber(), "operationNumber", request.type(), errors);
                requireText(request.materialId(), "materialId", request.type(), errors);
                if (request.type() == MesConfirmationType.SCRAP) {
                    requireText(request.scrapReason(), "scrapReason", request.type(), errors);
                }
            }
            case CONSUMPTION -> requireText(request.materialId(), "materialId", request.type(), errors);
            case LABOUR -> {
                requireText(request.operationNumber(), "operationNumber", request.type(), errors);
                if (request.materialId() != null) {
                    errors.add(new FieldError("materialId", "must be absent for a LABOUR confirmation"));
                }
                if (request.quantity() != null && request.quantity().unit() != null && !LABOUR_UNIT.equals(request.quantity().unit())) {
                    errors.add(new FieldError("quantity.unit", "must be " + LABOUR_UNIT + " for a LABOUR confirmation"));
                }
            }
        }
        return errors;
    }

    private static void requireText(String value, String field, MesConfirmationType type, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required for a " + type + " confirmation"));
        }
    }

    /** A new row for a received confirmation (status RECEIVED). */
    public static MesConfirmationEntity toEntity(MesConfirmationRequest request, String rawPayload) {
        MesConfirmationEntity entity = new MesConfirmationEntity();
        entity.confirmationId = request.confirmationId();
        entity.productionOrderId = request.productionOrderId();
        entity.mesWorkOrderId = blankToNull(request.mesWorkOrderId());
        entity.mesType = request.type().name();
        entity.kind = request.type().kind();
        entity.operationNumber = blankToNull(request.operationNumber());
        entity.materialId = blankToNull(request.materialId());
        entity.quantity = request.quantity().value();
        entity.uom = request.quantity().unit();
        entity.mesLotId = blankToNull(request.lotId());
        entity.scrapReason = blankToNull(request.scrapReason());
        entity.operatorId = blankToNull(request.operatorId());
        entity.finalConfirmation = Boolean.TRUE.equals(request.finalConfirmation());
        entity.recordedAt = request.recordedAt();
        entity.rawPayload = rawPayload;
        return entity;
    }

    /** The canonical confirmation of a validated, enriched row. */
    public static ProductionConfirmation toCanonical(MesConfirmationEntity c, String orderItemId) {
        String itemId = switch (c.kind) {
            case COMPLETION, SCRAP -> c.materialId != null ? c.materialId : orderItemId;
            case CONSUMPTION -> c.materialId;
            case LABOUR -> null;
        };
        return new ProductionConfirmation(c.confirmationId, c.kind, c.productionOrderId, c.erpOperationNumber, c.resourceId, itemId,
                new Quantity(c.quantity.stripTrailingZeros(), c.uom), c.lotId, c.shiftId, c.scrapReason, c.operatorId,
                c.finalConfirmation, c.recordedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
