package io.millwright.production.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A production order released by ERP; {@code id} is the ERP order number. Also the pending-dispatch queue. */
@Entity
@Table(name = "production_order")
public class ProductionOrderEntity extends PanacheEntityBase {

    /** How the release reached us. */
    public enum ReleaseSource {
        CALLBACK, RECONCILIATION, /** an operator replayed a release we had refused */ REPLAY
    }

    @Id
    public String id;

    @Column(nullable = false)
    public String plantId;

    @Column(nullable = false)
    public String itemId;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    @Column(nullable = false)
    public String outputLot;

    public String salesOrderId;

    @Column(nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false)
    public Instant releasedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseSource releaseSource;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    public String mesWorkOrderId;

    @Column(nullable = false)
    public int dispatchAttempts;

    public Instant dispatchedAt;

    public Instant acknowledgedAt;

    public Instant closedAt;

    /** When the MES recorded the confirmation that closed the order; confirmations recorded earlier still count. */
    public Instant closedByRecordedAt;

    public String correlationId;

    public String traceparent;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sequence")
    public List<ProductionOperationEntity> operations = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ProductionComponentEntity> components = new ArrayList<>();

    public java.util.Optional<ProductionOperationEntity> operation(String operationNumber) {
        return operations.stream().filter(op -> op.operationNumber.equals(operationNumber)).findFirst();
    }

    public ProductionOperationEntity lastOperation() {
        return operations.get(operations.size() - 1);
    }
}
