package io.millwright.inventory.persistence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One lot of a hold and how much of it the hold moved to QUALITY_HOLD. */
@Entity
@Table(name = "hold_lot")
@IdClass(HoldLotEntity.Key.class)
public class HoldLotEntity extends PanacheEntityBase {

    @Id
    @ManyToOne
    @JoinColumn(name = "hold_id")
    public HoldEntity hold;

    @Id
    public String itemId;

    @Id
    public String lotId;

    public String locationId;

    @Column(nullable = false)
    public BigDecimal heldQuantity;

    @Column(nullable = false)
    public String uom;

    public static class Key implements Serializable {
        public String hold;
        public String itemId;
        public String lotId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(hold, k.hold) && Objects.equals(itemId, k.itemId) && Objects.equals(lotId, k.lotId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hold, itemId, lotId);
        }
    }
}
