package io.millwright.inventory.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.millwright.erp.contract.MovementType;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.StockStatus;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity;

class ErpMovementMapperTest {

    @Test
    void receiptIsAGoodsReceiptAtItsDestinationKeyedByTheMovementId() {
        MovementEntity m = movement(MovementEntity.Kind.WAREHOUSE_RECEIPT, null, "RM01");
        m.sourceReference = "WMS-R-000042";
        PostGoodsMovementRequest request = ErpMovementMapper.toPostGoodsMovement(m);
        assertThat(request.getMovementId()).isEqualTo("WR-WMS-R-000042");
        assertThat(request.getMovementType()).isEqualTo(MovementType.GOODS_RECEIPT);
        assertThat(request.getLocation()).isEqualTo("RM01");
        assertThat(request.getLot()).isEqualTo("L-RM300-0107");
        assertThat(request.getQuantity().getValue()).isEqualByComparingTo("250");
        assertThat(request.getQuantity().getValue().scale()).isLessThanOrEqualTo(0);
        assertThat(request.getQuantity().getUnitOfMeasure()).isEqualTo("KG");
        assertThat(request.getReference()).isEqualTo("WMS-R-000042");
        assertThat(request.getPostedAt()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    }

    @Test
    void issueIsAGoodsIssueFromItsSourceReferencingTheOrderWithoutSourceReference() {
        MovementEntity m = movement(MovementEntity.Kind.PRODUCTION_ISSUE, "RM01", null);
        m.productionOrderId = "PO-700001";
        PostGoodsMovementRequest request = ErpMovementMapper.toPostGoodsMovement(m);
        assertThat(request.getMovementType()).isEqualTo(MovementType.GOODS_ISSUE);
        assertThat(request.getLocation()).isEqualTo("RM01");
        assertThat(request.getReference()).isEqualTo("PO-700001");
    }

    @Test
    void statusChangesAndOpeningBalancesAreNeverGoodsMovements() {
        assertThatThrownBy(() -> ErpMovementMapper.toPostGoodsMovement(movement(MovementEntity.Kind.STATUS_CHANGE, "FG01", "FG01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErpMovementMapper.toPostGoodsMovement(movement(MovementEntity.Kind.OPENING_BALANCE, null, "FG01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stockStatusChangeUsesTheRequestIdAsErpPostingId() {
        StockStatusSyncEntity sync = new StockStatusSyncEntity();
        sync.requestId = "HOLD-42:QUALITY_HOLD";
        sync.itemId = "FG-100";
        sync.plantId = "1000";
        sync.lotId = "L-FG100-0002";
        sync.status = io.millwright.model.inventory.StockStatus.QUALITY_HOLD;
        sync.reason = "Pressure test out of tolerance";
        SetStockStatusRequest request = ErpMovementMapper.toSetStockStatus(sync);
        assertThat(request.getPostingId()).isEqualTo("HOLD-42:QUALITY_HOLD");
        assertThat(request.getStatus()).isEqualTo(StockStatus.QUALITY_HOLD);
        assertThat(request.getLot()).isEqualTo("L-FG100-0002");
    }

    private static MovementEntity movement(MovementEntity.Kind kind, String from, String to) {
        MovementEntity m = new MovementEntity();
        m.movementId = "WR-WMS-R-000042";
        m.kind = kind;
        m.itemId = "RM-300";
        m.lotId = "L-RM300-0107";
        m.plantId = "1000";
        m.fromLocation = from;
        m.toLocation = to;
        m.quantity = new BigDecimal("250.000000");
        m.uom = "KG";
        m.occurredAt = Instant.parse("2026-11-22T09:00:00Z");
        return m;
    }
}
