package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "production_order")
public class ProductionOrderEntity extends PanacheEntityBase {

    public static final String RELEASED = "RELEASED";
    public static final String CREATED = "CREATED";
    /** Origin of an order made through the admin API or auto-release (a reset removes these). */
    public static final String ORIGIN_CREATED = "CREATED";

    @Id
    public String productionOrderNumber;

    public String itemId;

    public String plant;

    public BigDecimal quantity;

    public String unitOfMeasure;

    public String lot;

    public String salesOrderNumber;

    public Instant dueDate;

    public Instant releasedAt;

    public String status;

    /** SEED (from the migration) or CREATED (by the simulator at run time). */
    public String origin;

    @OneToMany
    @JoinColumn(name = "production_order_number", insertable = false, updatable = false)
    @OrderBy("operationNumber")
    public List<ProductionOperationEntity> operations = new ArrayList<>();

    @OneToMany
    @JoinColumn(name = "production_order_number", insertable = false, updatable = false)
    @OrderBy("operationNumber, itemId")
    public List<ProductionComponentEntity> components = new ArrayList<>();

    public static List<ProductionOrderEntity> releasedSince(Instant since, String plant) {
        return plant == null || plant.isBlank()
                ? list("status = ?1 and releasedAt >= ?2 order by releasedAt, productionOrderNumber", RELEASED, since)
                : list("status = ?1 and releasedAt >= ?2 and plant = ?3 order by releasedAt, productionOrderNumber",
                        RELEASED, since, plant);
    }

    public static List<ProductionOrderEntity> listAllOrdered() {
        return list("order by productionOrderNumber");
    }

    public boolean hasOperation(String operationNumber) {
        return operations.stream().anyMatch(op -> op.operationNumber.equals(operationNumber));
    }
}
