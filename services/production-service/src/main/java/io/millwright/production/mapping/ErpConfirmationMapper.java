package io.millwright.production.mapping;

import java.math.BigDecimal;

import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.Quantity;
import io.millwright.production.persistence.MesConfirmationEntity;

/**
 * Validated confirmation → ERP PostProductionConfirmation. The MES confirmationId is the ERP's idempotency key, and
 * every field comes from the stored row (postedAt is when the MES recorded it), so a retry sends the identical
 * request. ERP's confirmation has yield, scrap and labour fields but no material: a consumption is posted with zero
 * yield against its operation and lot; the goods issue itself follows from the published event (inventory).
 */
public final class ErpConfirmationMapper {

    private ErpConfirmationMapper() {
    }

    public static PostProductionConfirmationRequest toRequest(MesConfirmationEntity c, String orderUom) {
        PostProductionConfirmationRequest request = new PostProductionConfirmationRequest();
        request.setConfirmationId(c.confirmationId);
        request.setProductionOrderNumber(c.productionOrderId);
        request.setOperationNumber(c.erpOperationNumber);
        request.setResourceId(c.resourceId);
        BigDecimal quantity = c.quantity.stripTrailingZeros();
        switch (c.kind) {
            case COMPLETION -> request.setYield(quantity(quantity, c.uom));
            case SCRAP -> {
                request.setYield(quantity(BigDecimal.ZERO, c.uom));
                request.setScrap(quantity(quantity, c.uom));
                request.setScrapReason(c.scrapReason);
            }
            case CONSUMPTION -> request.setYield(quantity(BigDecimal.ZERO, orderUom));
            case LABOUR -> {
                request.setYield(quantity(BigDecimal.ZERO, orderUom));
                request.setLabourMinutes(quantity);
            }
        }
        request.setLot(c.lotId);
        request.setShift(c.shiftId);
        request.setFinalConfirmation(c.finalConfirmation);
        request.setPostedAt(c.recordedAt);
        return request;
    }

    private static Quantity quantity(BigDecimal value, String unit) {
        Quantity quantity = new Quantity();
        quantity.setValue(value.scale() < 0 ? value.setScale(0) : value);
        quantity.setUnitOfMeasure(unit);
        return quantity;
    }
}
