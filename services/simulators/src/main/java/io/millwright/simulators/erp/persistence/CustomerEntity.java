package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class CustomerEntity extends PanacheEntityBase {

    @Id
    public String customerId;

    public String name;

    public String paymentTerms;

    public String currency;

    public BigDecimal creditLimit;

    public boolean creditBlocked;

    public Instant changedAt;

    public static List<CustomerEntity> changedSince(Instant since) {
        return since == null
                ? list("order by customerId")
                : list("changedAt >= ?1 order by customerId", since);
    }
}
