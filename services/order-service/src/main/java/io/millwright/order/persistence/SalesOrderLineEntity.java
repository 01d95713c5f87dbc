package io.millwright.order.persistence;

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
@Table(name = "sales_order_line")
@IdClass(SalesOrderLineEntity.Key.class)
public class SalesOrderLineEntity extends PanacheEntityBase {

    /** What the availability check said when the order was accepted. */
    public enum Availability {
        AVAILABLE, SHORT, UNKNOWN
    }

    @Id
    @ManyToOne
    public SalesOrderEntity order;

    @Id
    public int lineNumber;

    @Column(nullable = false)
    public String itemId;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    @Column(nullable = false)
    public BigDecimal unitPrice;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Availability availability;

    public static class Key implements Serializable {
        public String order;
        public int lineNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && lineNumber == k.lineNumber && Objects.equals(order, k.order);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, lineNumber);
        }
    }
}
