package io.millwright.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.millwright.model.order.SalesOrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "sales_order")
public class SalesOrderEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String crmOrderId;

    @Column(nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String currency;

    public LocalDate requestedDeliveryDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SalesOrderStatus status;

    @Column(nullable = false)
    public BigDecimal total;

    public String erpSalesOrderNumber;

    @Column(nullable = false)
    public int erpAttempts;

    public String rejectionCode;

    public String rejectionReason;

    public String correlationId;

    public String traceparent;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNumber")
    public List<SalesOrderLineEntity> lines = new ArrayList<>();

    public static Optional<SalesOrderEntity> findByCrmOrderId(String crmOrderId) {
        return find("crmOrderId", crmOrderId).firstResultOptional();
    }
}
