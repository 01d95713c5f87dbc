package io.millwright.production.persistence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "production_operation")
@IdClass(ProductionOperationEntity.Key.class)
public class ProductionOperationEntity extends PanacheEntityBase {

    @Id
    @ManyToOne
    public ProductionOrderEntity order;

    /** 1-based position in the routing, in the order ERP sent the operations. */
    @Id
    public int sequence;

    @Column(nullable = false)
    public String operationNumber;

    @Column(nullable = false)
    public String description;

    public String workCenterId;

    @Column(nullable = false)
    public String resourceId;

    @Column(nullable = false)
    public BigDecimal plannedQuantity;

    @Column(nullable = false)
    public String uom;

    /** A final confirmation of this operation was posted. */
    @Column(nullable = false)
    public boolean finished;

    public Instant lastConfirmationAt;

    public static class Key implements Serializable {
        public String order;
        public int sequence;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sequence == k.sequence && Objects.equals(order, k.order);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, sequence);
        }
    }
}
