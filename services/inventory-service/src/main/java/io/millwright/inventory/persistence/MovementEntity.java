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
    public String movementId;

    @Enumerated(EnumType.STRING)
    @Column(name = "movement_type", nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String itemId;

    public String lotId;

    @Column(nullable = false)
    public String plantId;

    public String fromLocation;

    public String toLocation;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockStatus stockStatus;

    @Enumerated(EnumType.STRING)
    public StockStatus fromStatus;

    public String productionOrderId;

    public String sourceReference;

    public String holdId;

    @Column(nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ErpState erpState;

    public String erpDocumentNumber;

    @Column(nullable = false)
    public int erpAttempts;

    public Instant erpPostedAt;

    public String correlationId;

    public String traceparent;

    /** The location the movement touches: destination of a receipt, source of an issue. */
    public String locationId() {
        return toLocation != null ? toLocation : fromLocation;
    }
}
