package io.millwright.order.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One milestone to deliver to the CRM webhook; {@code payload} is the JSON body (docs/contracts/plant-apps.md). */
@Entity
@Table(name = "crm_delivery")
public class CrmDeliveryEntity extends PanacheEntityBase {

    public enum Status {
        PENDING, DELIVERED, DEAD_LETTERED
    }

    @Id
    public UUID eventId;

    @Column(nullable = false)
    public String orderId;

    @Column(nullable = false)
    public String milestone;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    public Instant nextAttemptAt;

    public String lastError;

    public String correlationId;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant deliveredAt;

    public static long pendingCount() {
        return count("status", Status.PENDING);
    }
}
