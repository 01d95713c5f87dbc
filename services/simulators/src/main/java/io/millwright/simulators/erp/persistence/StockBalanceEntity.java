package io.millwright.simulators.erp.persistence;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

@Entity
@Table(name = "stock_balance")
public class StockBalanceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String itemId;

    public String plant;

    public String location;

    public String lot;

    public String status;

    public BigDecimal quantity;

    public String unitOfMeasure;

    /** Balances for the given items (all when empty) and plant (all when null), in a stable order. */
    public static List<StockBalanceEntity> matching(Collection<String> itemIds, String plant) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (itemIds != null && !itemIds.isEmpty()) {
            query.append(" and itemId in :itemIds");
            params = params.and("itemIds", itemIds);
        }
        if (plant != null && !plant.isBlank()) {
            query.append(" and plant = :plant");
            params = params.and("plant", plant);
        }
        query.append(" order by itemId, plant, location, lot");
        return list(query.toString(), params);
    }

    public static List<StockBalanceEntity> lockLot(String itemId, String plant, String lot) {
        return find("itemId = ?1 and plant = ?2 and lot = ?3 order by location", itemId, plant, lot)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The balance row at one position, locked for update; {@code lot} may be null (stock not managed in lots). */
    public static StockBalanceEntity lockPosition(String itemId, String plant, String location, String lot) {
        return lot == null
                ? find("itemId = ?1 and plant = ?2 and location = ?3 and lot is null", itemId, plant, location)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                : find("itemId = ?1 and plant = ?2 and location = ?3 and lot = ?4", itemId, plant, location, lot)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Unrestricted balances at a location, locked, oldest lot first: where an issue without a lot draws from. */
    public static List<StockBalanceEntity> lockUnrestrictedAt(String itemId, String plant, String location) {
        return find("itemId = ?1 and plant = ?2 and location = ?3 and status = 'UNRESTRICTED' and quantity > 0"
                + " order by lot nulls first", itemId, plant, location)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
