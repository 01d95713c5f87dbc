package io.millwright.inventory.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An item as last replicated from ERP; present only once its opening balances were loaded. */
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

    @Column(name = "opening_balances_at")
    public Instant openingBalancesAt;

    @Column(name = "synced_at")
    public Instant syncedAt;
}
