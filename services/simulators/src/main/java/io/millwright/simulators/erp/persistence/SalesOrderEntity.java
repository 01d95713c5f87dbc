package io.millwright.simulators.erp.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "sales_order")
public class SalesOrderEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String salesOrderNumber;

    public String externalReference;

    public String customerId;

    public String currency;

    public LocalDate requestedDeliveryDate;

    public String status;

    public Instant createdAt;

    @OneToMany(mappedBy = "salesOrder", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNumber")
    public List<SalesOrderLineEntity> lines = new ArrayList<>();

    public void addLine(SalesOrderLineEntity line) {
        line.salesOrder = this;
        lines.add(line);
    }

    public static Optional<SalesOrderEntity> byNumber(String salesOrderNumber) {
        return find("salesOrderNumber", salesOrderNumber).firstResultOptional();
    }

    public static Optional<SalesOrderEntity> byExternalReference(String externalReference) {
        return find("externalReference", externalReference).firstResultOptional();
    }

    public static List<SalesOrderEntity> listAll(String externalReference) {
        return externalReference == null
                ? list("order by id")
                : list("externalReference = ?1 order by id", externalReference);
    }
}
