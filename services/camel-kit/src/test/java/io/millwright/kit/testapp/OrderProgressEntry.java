package io.millwright.kit.testapp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A business row of the test application: one step an order went through. */
@Entity
@Table(name = "kit_test_order_progress")
public class OrderProgressEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String orderId;

    @Column(nullable = false)
    public String step;

    @Column(nullable = false)
    public Instant recordedAt;
}
