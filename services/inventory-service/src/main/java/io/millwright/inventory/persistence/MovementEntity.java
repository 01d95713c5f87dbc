package io.millwright.inventory.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.millwright.model.inventory.StockStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the movement ledger, with the state of its ERP posting. */
@Entity
@Table(name = "movement")
public class MovementEntity extends PanacheEntityBase {

    /** Ledger kinds: the canonical movement types plus two that never reach ERP as goods movements. */
    public enum Kind {
        PRODUCTION_RECEIPT, PRODUCTION_ISSUE, WAREHOUSE_RECEIPT,
        /** Stock as ERP had it when the item first became known to inventory. */
        OPENING_BALANCE,
        /** Stock moved between statuses by a hold or release (reflected in ERP through SetStockStatus). */
        STATUS_CHANGE
    }

    public enum ErpState {
        PENDING, POSTED, REJECTED, NOT_POSTED
    }

    @Id
    @Column(name = "movement_id")
    public String movementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "movement_type", nullable = false)
    public Kind kind;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(name = "lot_id")
    public String lotId;

    @Column(name = "plant_id", nullable = false)
    public String plantId;

    @Column(name = "from_location")
    public String fromLocation;

    @Column(name = "to_location")
    public String toLocation;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    @Enumerated(EnumType.STRING)
    @Column(name = "stock_status", nullable = false)
    public StockStatus stockStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public StockStatus fromStatus;

    @Column(name = "production_order_id")
    public String productionOrderId;

    @Column(name = "source_reference")
    public String sourceReference;

    @Column(name = "hold_id")
    public String holdId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "erp_state", nullable = false)
    public ErpState erpState;

    @Column(name = "erp_document_number")
    public String erpDocumentNumber;

    @Column(name = "erp_attempts", nullable = false)
    public int erpAttempts;


    @Column(name = "erp_posted_at")
    public Instant erpPostedAt;

    @Column(name = "correlation_id")
    public String correlationId;

    public String traceparent;

    /** The location the movement touches: destination of a receipt, source of an issue. */
    public String locationId() {
        return toLocation != null ? toLocation : fromLocation;
    }
}
