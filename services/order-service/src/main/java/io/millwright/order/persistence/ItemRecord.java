package io.millwright.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An item with its list price as last replicated from ERP. */
@Entity
@Table(name = "item")
public class ItemRecord extends PanacheEntityBase {

    @Id
    public String itemId;

    public String description;

    public String itemType;

    public String baseUom;

    public BigDecimal listPrice;

    public String currency;

    public Instant syncedAt;
}
