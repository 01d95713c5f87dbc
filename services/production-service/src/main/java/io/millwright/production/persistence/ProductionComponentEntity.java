package io.millwright.production.persistence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "production_component")
@IdClass(ProductionComponentEntity.Key.class)
public class ProductionComponentEntity extends PanacheEntityBase {

    @Id
    @ManyToOne
    public ProductionOrderEntity order;

    @Id
    public int position;

    @Column(nullable = false)
    public String itemId;

    public String operationNumber;

    @Column(nullable = false)
    public BigDecimal requiredQuantity;

    @Column(nullable = false)
    public String uom;

    public String lotId;

    public static class Key implements Serializable {
        public String order;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && position == k.position && Objects.equals(order, k.order);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, position);
        }
    }
}
