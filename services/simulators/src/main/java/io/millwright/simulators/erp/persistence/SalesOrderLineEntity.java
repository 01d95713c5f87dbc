package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "sales_order_line")
public class SalesOrderLineEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sales_order_id")
    public SalesOrderEntity salesOrder;

    @Column(name = "line_number")
    public int lineNumber;

    @Column(name = "item_id")
    public String itemId;

    public BigDecimal quantity;

    @Column(name = "unit_of_measure")
    public String unitOfMeasure;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;
}
