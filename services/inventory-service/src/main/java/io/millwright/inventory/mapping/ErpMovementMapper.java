package io.millwright.inventory.mapping;

import java.math.BigDecimal;

import io.millwright.erp.contract.MovementType;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.Quantity;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.StockStatus;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity;

/** Ledger entries → ERP requests. The movement id (or the status request id) is ERP's idempotency key. */
public final class ErpMovementMapper {

    private ErpMovementMapper() {
    }

    public static PostGoodsMovementRequest toPostGoodsMovement(MovementEntity movement) {
        PostGoodsMovementRequest request = new PostGoodsMovementRequest();
        request.setMovementId(movement.movementId);
        request.setMovementType(erpType(movement.kind));
        request.setItemId(movement.itemId);
        request.setPlant(movement.plantId);
        request.setLocation(movement.locationId());
        request.setLot(movement.lotId);
        request.setQuantity(quantity(movement.quantity, movement.uom));
        request.setReference(movement.sourceReference != null ? movement.sourceReference : movement.productionOrderId);
        request.setPostedAt(movement.occurredAt);
        return request;
    }

    public static SetStockStatusRequest toSetStockStatus(StockStatusSyncEntity sync) {
        SetStockStatusRequest request = new SetStockStatusRequest();
        request.setPostingId(sync.requestId);
        request.setItemId(sync.itemId);
        request.setPlant(sync.plantId);
        request.setLot(sync.lotId);
        request.setStatus(StockStatus.fromValue(sync.status.name()));
        request.setReason(sync.reason);
        return request;
    }

    static MovementType erpType(MovementEntity.Kind kind) {
        return switch (kind) {
            case PRODUCTION_RECEIPT, WAREHOUSE_RECEIPT -> MovementType.GOODS_RECEIPT;
            case PRODUCTION_ISSUE -> MovementType.GOODS_ISSUE;
            case OPENING_BALANCE, STATUS_CHANGE -> throw new IllegalArgumentException(kind + " is not posted to ERP as a goods movement");
        };
    }

    private static Quantity quantity(BigDecimal value, String uom) {
        Quantity quantity = new Quantity();
        quantity.setValue(value.stripTrailingZeros());
        quantity.setUnitOfMeasure(uom);
        return quantity;
    }
}
