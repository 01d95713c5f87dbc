package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "item")
public class ItemEntity extends PanacheEntityBase {

    @Id
    public String itemId;

    public String description;

    public String itemType;

    public String baseUnitOfMeasure;

    public BigDecimal listPrice;

    public String currency;

    public Instant changedAt;

    public static List<ItemEntity> changedSince(Instant since) {
        return since == null
                ? list("order by itemId")
                : list("changedAt >= ?1 order by itemId", since);
    }
}
