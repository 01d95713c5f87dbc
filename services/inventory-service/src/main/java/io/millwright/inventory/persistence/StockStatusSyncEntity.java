package io.millwright.inventory.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.millwright.model.inventory.StockStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stock status change still to be (or already) reflected in ERP or the WMS; requestId is the receiver's key. */
@Entity
@Table(name = "stock_status_sync")
public class StockStatusSyncEntity extends PanacheEntityBase {

    public enum Target {
        ERP, WMS
    }

    public enum State {
        PENDING, DONE, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Target target;

    @Column(nullable = false)
    public String requestId;

    @Column(nullable = false)
    public String holdId;

    @Column(nullable = false)
    public String itemId;

    @Column(nullable = false)
    public String lotId;

    @Column(nullable = false)
    public String plantId;

    public String locationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockStatus status;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    public String documentNumber;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant doneAt;

    public String correlationId;
}
