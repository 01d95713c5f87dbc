package io.millwright.inventory.persistence;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.millwright.model.inventory.StockStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "reconciliation_variance")
public class ReconciliationVarianceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reconciliation_variance_seq")
    @SequenceGenerator(name = "reconciliation_variance_seq", sequenceName = "reconciliation_variance_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String runId;

    @Column(nullable = false)
    public String itemId;

    public String lotId;

    @Column(nullable = false)
    public String plantId;

    @Column(nullable = false)
    public String locationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockStatus status;

    @Column(nullable = false)
    public BigDecimal millwrightQuantity;

    @Column(nullable = false)
    public BigDecimal erpQuantity;

    @Column(nullable = false)
    public BigDecimal variance;

    @Column(nullable = false)
    public String uom;

    public static List<ReconciliationVarianceEntity> ofRun(String runId) {
        return list("runId = ?1 order by itemId, lotId, locationId, status", runId);
    }
}
