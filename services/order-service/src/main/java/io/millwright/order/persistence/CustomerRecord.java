package io.millwright.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer as last replicated from ERP. */
@Entity
@Table(name = "customer")
public class CustomerRecord extends PanacheEntityBase {

    @Id
    public String customerId;

    public String name;

    public String paymentTerms;

    public String currency;

    public BigDecimal creditLimit;

    public boolean creditBlocked;

    public Instant syncedAt;
}
