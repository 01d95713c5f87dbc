package io.millwright.inventory.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An item as last replicated from ERP; present only once its opening balances were loaded. */
@Entity
@Table(name = "item")
public class ItemRecord extends PanacheEntityBase {

    @Id
    public String itemId;

    public String description;

    public String itemType;

    public String baseUom;

    public Instant openingBalancesAt;

    public Instant syncedAt;
}
