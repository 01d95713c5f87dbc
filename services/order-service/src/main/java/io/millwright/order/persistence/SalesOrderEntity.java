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

    @Column(name = "crm_order_id", nullable = false)
    public String crmOrderId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(nullable = false)
    public String currency;

    @Column(name = "requested_delivery_date")
    public LocalDate requestedDeliveryDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SalesOrderStatus status;

    @Column(nullable = false)
    public BigDecimal total;

    @Column(name = "erp_sales_order_number")
    public String erpSalesOrderNumber;

    @Column(name = "erp_attempts", nullable = false)
    public int erpAttempts;


    @Column(name = "rejection_code")
    public String rejectionCode;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "correlation_id")
    public String correlationId;

    public String traceparent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
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
