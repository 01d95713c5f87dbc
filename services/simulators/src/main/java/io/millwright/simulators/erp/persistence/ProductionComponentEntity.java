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
@Table(name = "production_order_component")
public class ProductionComponentEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "production_order_number")
    public String productionOrderNumber;

    @Column(name = "item_id")
    public String itemId;

    @Column(name = "operation_number")
    public String operationNumber;

    @Column(name = "required_quantity")
    public BigDecimal requiredQuantity;

    @Column(name = "unit_of_measure")
    public String unitOfMeasure;

    public String lot;
}
