package io.millwright.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A production order released for one of our orders (linked through the ERP sales order number), and its progress. */
@Entity
@Table(name = "production_link")
public class ProductionLinkEntity extends PanacheEntityBase {

    @Id
    public String productionOrderId;

    @Column(nullable = false)
    public String orderId;

    @Column(nullable = false)
    public String itemId;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    @Column(nullable = false)
    public Instant releasedAt;

    public Instant startedAt;

    public Instant completedAt;

    /** The lot the production order produced (from its release, completion or receipt), once known. */
    public String lotId;

    /** When an unrestricted production receipt was posted (it may arrive before the completion). */
    public Instant unrestrictedReceiptAt;

    public static List<ProductionLinkEntity> forOrder(String orderId) {
        return list("orderId = ?1 order by productionOrderId", orderId);
    }
}
