package io.millwright.order.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An item with its list price as last replicated from ERP. */
@Entity
@Table(name = "item")
public class ItemRecord extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public String itemId;

    public String description;

    @Column(name = "item_type")
    public String itemType;

    @Column(name = "base_uom")
    public String baseUom;

    @Column(name = "list_price")
    public BigDecimal listPrice;

    public String currency;

    @Column(name = "synced_at")
    public Instant syncedAt;
}
