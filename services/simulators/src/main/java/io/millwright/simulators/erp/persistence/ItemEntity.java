package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "item")
public class ItemEntity extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public String itemId;

    public String description;

    @Column(name = "item_type")
    public String itemType;

    @Column(name = "base_unit_of_measure")
    public String baseUnitOfMeasure;

    @Column(name = "list_price")
    public BigDecimal listPrice;

    public String currency;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static List<ItemEntity> changedSince(Instant since) {
        return since == null
                ? list("order by itemId")
                : list("changedAt >= ?1 order by itemId", since);
    }
}
