package io.millwright.inventory.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.millwright.model.inventory.StockStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Stock of one item/lot/plant/location/status. Written only by {@code StockLedger}, next to a movement row. */
@Entity
@Table(name = "balance")
public class BalanceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String itemId;

    public String lotId;

    @Column(nullable = false)
    public String plantId;

    @Column(nullable = false)
    public String locationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockStatus status;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    public String lastMovementId;

    @Column(nullable = false)
    public Instant updatedAt;

    /** Every balance row of a lot in a plant (any item, location and status). */
    public static List<BalanceEntity> ofLot(String lotId, String plantId) {
        return list("lotId = ?1 and plantId = ?2 order by itemId, locationId, status", lotId, plantId);
    }

    public static List<BalanceEntity> ofPlant(String plantId) {
        return list("plantId = ?1 order by itemId, lotId, locationId, status", plantId);
    }
}
