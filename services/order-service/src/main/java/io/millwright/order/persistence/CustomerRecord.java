package io.millwright.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer as last replicated from ERP. */
@Entity
@Table(name = "customer")
public class CustomerRecord extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    public String name;

    @Column(name = "payment_terms")
    public String paymentTerms;

    public String currency;

    @Column(name = "credit_limit")
    public BigDecimal creditLimit;

    @Column(name = "credit_blocked")
    public boolean creditBlocked;

    @Column(name = "synced_at")
    public Instant syncedAt;
}
