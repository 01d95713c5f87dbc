package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class CustomerEntity extends PanacheEntityBase {

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

    @Column(name = "changed_at")
    public Instant changedAt;

    public static List<CustomerEntity> changedSince(Instant since) {
        return since == null
                ? list("order by customerId")
                : list("changedAt >= ?1 order by customerId", since);
    }
}
