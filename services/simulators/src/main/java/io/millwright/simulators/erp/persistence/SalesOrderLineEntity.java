package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "sales_order_line")
public class SalesOrderLineEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    public SalesOrderEntity salesOrder;

    public int lineNumber;

    public String itemId;

    public BigDecimal quantity;

    public String unitOfMeasure;

    public BigDecimal unitPrice;
}
