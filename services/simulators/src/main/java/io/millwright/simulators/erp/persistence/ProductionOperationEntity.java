package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "production_order_operation")
public class ProductionOperationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Named as in ProductionOrderEntity's @JoinColumn: Hibernate rejects one column under two logical names. */
    @Column(name = "production_order_number")
    public String productionOrderNumber;

    public String operationNumber;

    public String description;

    public String workCenter;

    public String resourceId;

    public BigDecimal plannedQuantity;

    public String unitOfMeasure;
}
