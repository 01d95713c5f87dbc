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

    @Column(name = "production_order_number")
    public String productionOrderNumber;

    @Column(name = "operation_number")
    public String operationNumber;

    public String description;

    @Column(name = "work_center")
    public String workCenter;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "planned_quantity")
    public BigDecimal plannedQuantity;

    @Column(name = "unit_of_measure")
    public String unitOfMeasure;
}
