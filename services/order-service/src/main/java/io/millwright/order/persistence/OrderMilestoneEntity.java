package io.millwright.order.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.millwright.model.order.OrderMilestone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A milestone an order reached (once). */
@Entity
@Table(name = "order_milestone")
@IdClass(OrderMilestoneEntity.Key.class)
public class OrderMilestoneEntity extends PanacheEntityBase {

    @Id
    public String orderId;

    @Id
    @Enumerated(EnumType.STRING)
    public OrderMilestone milestone;

    @Column(nullable = false)
    public Instant reachedAt;

    public String detail;

    public String sourceReference;

    /** Id of the order.milestone.reached event (and of the CRM delivery). */
    @Column(nullable = false)
    public UUID eventId;

    public static boolean reached(String orderId, OrderMilestone milestone) {
        return count("orderId = ?1 and milestone = ?2", orderId, milestone) > 0;
    }

    public static class Key implements Serializable {
        public String orderId;
        public OrderMilestone milestone;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(orderId, k.orderId) && milestone == k.milestone;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, milestone);
        }
    }
}
