package io.millwright.inventory.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "hold")
public class HoldEntity extends PanacheEntityBase {

    public enum Status {
        ACTIVE, RELEASED
    }

    @Id
    public String holdId;

    @Column(nullable = false)
    public String plantId;

    @Column(nullable = false)
    public String reason;

    /** REST or EVENT: where the hold came from. */
    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public Instant placedAt;

    public Instant releasedAt;

    public String releaseReason;

    @OneToMany(mappedBy = "hold", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("itemId, lotId")
    public List<HoldLotEntity> lots = new ArrayList<>();

    /** Whether another active hold than {@code holdId} covers the lot. */
    public static boolean otherActiveHoldCovers(String holdId, String itemId, String lotId, String plantId) {
        return HoldLotEntity.count("hold.holdId <> ?1 and itemId = ?2 and lotId = ?3 and hold.plantId = ?4 and hold.status = ?5",
                holdId, itemId, lotId, plantId, Status.ACTIVE) > 0;
    }

    public static boolean activeHoldCovers(String itemId, String lotId, String plantId) {
        return lotId != null && HoldLotEntity.count("itemId = ?1 and lotId = ?2 and hold.plantId = ?3 and hold.status = ?4",
                itemId, lotId, plantId, Status.ACTIVE) > 0;
    }
}
