package io.millwright.inventory.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.millwright.inventory.persistence.BalanceEntity;
import io.millwright.inventory.persistence.HoldEntity;
import io.millwright.inventory.persistence.MovementEntity;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.InventoryBalance;
import io.millwright.model.inventory.InventoryBalanceChanged;
import io.millwright.model.inventory.StockStatus;

/**
 * The only writer of balances (SPEC I1): every change is a movement row plus the balance rows it changes plus an
 * {@code inventory.balance.changed} event per changed row, all in the caller's transaction. Balance rows are
 * locked before they are changed, so concurrent movements on one position serialise; quantities never go negative.
 */
@ApplicationScoped
public class StockLedger {

    @Inject
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    MovementPosting postings;

    /**
     * Books a goods movement (receipt or issue) in the item's base unit.
     *
     * @return false when a movement with this id was booked before (a resend or replay): nothing changes
     * @throws InsufficientStockException when an issue exceeds the unrestricted stock it may draw on
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean book(MovementRequest request) {
        if (MovementEntity.findById(request.movementId()) != null) {
            return false;
        }
        Instant now = Instant.now();
        MovementEntity movement = newMovement(request.movementId(), request.kind(), request.itemId(), request.lotId(),
                request.plantId(), request.quantity(), now);
        movement.fromLocation = request.fromLocation();
        movement.toLocation = request.toLocation();
        movement.productionOrderId = request.productionOrderId();
        movement.sourceReference = request.sourceReference();
        movement.occurredAt = request.occurredAt();
        movement.erpState = MovementEntity.ErpState.PENDING;
        if (request.isReceipt()) {
            StockStatus status = BalanceRules.receiptStatus(
                    HoldEntity.activeHoldCovers(request.itemId(), request.lotId(), request.plantId()),
                    positionStock(request.itemId(), request.lotId(), request.plantId(), request.toLocation()));
            movement.stockStatus = status;
            // The movement row first: a concurrent booking of the same id fails here, before any balance changes.
            persistNew(movement);
            BalanceEntity balance = lock(request.itemId(), request.lotId(), request.plantId(), request.toLocation(), status,
                    request.quantity().unitOfMeasure());
            change(balance, request.quantity().value(), movement.movementId, now);
        } else {
            movement.stockStatus = StockStatus.UNRESTRICTED;
            persistNew(movement);
            List<BalanceEntity> sources = lockUnrestrictedSources(request.itemId(), request.lotId(), request.plantId(),
                    request.fromLocation());
            List<BalanceRules.Take<BalanceEntity>> takes = BalanceRules.planIssue(request.quantity().value(),
                    sources.stream().map(b -> new BalanceRules.Source<>(b, b.quantity)).toList(),
                    request.itemId() + (request.lotId() == null ? "" : " lot " + request.lotId()) + " at " + request.plantId() + "/"
                            + request.fromLocation());
            for (BalanceRules.Take<BalanceEntity> take : takes) {
                change(take.key(), take.quantity().negate(), movement.movementId, now);
            }
        }
        // After the balance locks: the posting queues behind every earlier booking of its item and lot.
        postings.queue(movement);
        return true;
    }

    /**
     * Moves a lot's stock from one status to another at every location (or one), one STATUS_CHANGE movement per
     * location; the movement id names hold, lot, location and target status, so repeating it changes nothing.
     *
     * @return the quantity moved (zero when there was nothing in {@code from})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal changeStatus(String holdId, String itemId, String lotId, String plantId, String locationId, StockStatus from,
            StockStatus to) {
        Instant now = Instant.now();
        BigDecimal moved = BigDecimal.ZERO;
        String query = "itemId = ?1 and lotId = ?2 and plantId = ?3 and status = ?4 and quantity > 0"
                + (locationId == null ? "" : " and locationId = ?5") + " order by locationId";
        Object[] params = locationId == null ? new Object[] { itemId, lotId, plantId, from }
                : new Object[] { itemId, lotId, plantId, from, locationId };
        List<BalanceEntity> sources = BalanceEntity.<BalanceEntity> find(query, params).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (BalanceEntity source : sources) {
            String movementId = "ST-" + holdId + "-" + itemId + "-" + lotId + "-" + source.locationId + "-" + to.name();
            if (MovementEntity.findById(movementId) != null) {
                continue;
            }
            BigDecimal quantity = source.quantity;
            MovementEntity movement = newMovement(movementId, MovementEntity.Kind.STATUS_CHANGE, itemId, lotId, plantId,
                    new Quantity(quantity, source.uom), now);
            movement.fromLocation = source.locationId;
            movement.toLocation = source.locationId;
            movement.fromStatus = from;
            movement.stockStatus = to;
            movement.holdId = holdId;
            movement.sourceReference = holdId;
            movement.occurredAt = now;
            // Reflected in ERP through SetStockStatus (stock_status_sync), not as a goods movement.
            movement.erpState = MovementEntity.ErpState.NOT_POSTED;
            persistNew(movement);
            BalanceEntity target = lock(itemId, lotId, plantId, source.locationId, to, source.uom);
            change(source, quantity.negate(), movementId, now);
            change(target, quantity, movementId, now);
            moved = moved.add(quantity);
        }
        return moved;
    }

    /** Stock as ERP had it when the item became known: the starting point of the ledger, never posted back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(String itemId, String lotId, String plantId, String locationId, StockStatus status, Quantity quantity) {
        String movementId = "OB-" + itemId + "-" + (lotId == null ? "" : lotId) + "-" + plantId + "-" + locationId + "-" + status.name();
        if (MovementEntity.findById(movementId) != null) {
            return;
        }
        Instant now = Instant.now();
        MovementEntity movement = newMovement(movementId, MovementEntity.Kind.OPENING_BALANCE, itemId, lotId, plantId, quantity, now);
        movement.toLocation = locationId;
        movement.stockStatus = status;
        movement.occurredAt = now;
        movement.sourceReference = "ERP GetStockStatus";
        movement.erpState = MovementEntity.ErpState.NOT_POSTED;
        persistNew(movement);
        BalanceEntity balance = lock(itemId, lotId, plantId, locationId, status, quantity.unitOfMeasure());
        balance.quantity = balance.quantity.add(quantity.value());
        balance.lastMovementId = movementId;
        balance.updatedAt = now;
    }

    private static MovementEntity newMovement(String movementId, MovementEntity.Kind kind, String itemId, String lotId, String plantId,
            Quantity quantity, Instant now) {
        MovementEntity movement = new MovementEntity();
        movement.movementId = movementId;
        movement.kind = kind;
        movement.itemId = itemId;
        movement.lotId = lotId;
        movement.plantId = plantId;
        movement.quantity = quantity.value();
        movement.uom = quantity.unitOfMeasure();
        movement.createdAt = now;
        movement.correlationId = Correlation.current();
        movement.traceparent = TraceContext.currentTraceparent();
        return movement;
    }

    private void persistNew(MovementEntity movement) {
        em.persist(movement);
        em.flush();
    }

    private void change(BalanceEntity balance, BigDecimal delta, String movementId, Instant now) {
        BigDecimal previous = balance.quantity;
        BigDecimal next = previous.add(delta);
        if (next.signum() < 0) {
            throw new InsufficientStockException("balance " + describe(balance) + " would become " + next.toPlainString());
        }
        balance.quantity = next;
        balance.lastMovementId = movementId;
        balance.updatedAt = now;
        InventoryBalance view = new InventoryBalance(balance.itemId, balance.lotId, balance.plantId, balance.locationId, balance.status,
                new Quantity(next.stripTrailingZeros(), balance.uom), now);
        outbox.append(EventType.INVENTORY_BALANCE_CHANGED, balance.itemId,
                new InventoryBalanceChanged(view, new Quantity(previous.stripTrailingZeros(), balance.uom), movementId));
    }

    private Map<StockStatus, BigDecimal> positionStock(String itemId, String lotId, String plantId, String locationId) {
        Map<StockStatus, BigDecimal> stock = new EnumMap<>(StockStatus.class);
        for (BalanceEntity b : position(itemId, lotId, plantId, locationId)) {
            stock.merge(b.status, b.quantity, BigDecimal::add);
        }
        return stock;
    }

    private static List<BalanceEntity> position(String itemId, String lotId, String plantId, String locationId) {
        return lotId == null
                ? BalanceEntity.list("itemId = ?1 and lotId is null and plantId = ?2 and locationId = ?3", itemId, plantId, locationId)
                : BalanceEntity.list("itemId = ?1 and lotId = ?2 and plantId = ?3 and locationId = ?4", itemId, lotId, plantId, locationId);
    }

    /** The named lot, or, without a lot, every lot at the location with lot-less stock first, then by lot (as ERP issues). */
    private static List<BalanceEntity> lockUnrestrictedSources(String itemId, String lotId, String plantId, String locationId) {
        if (lotId != null) {
            return BalanceEntity.<BalanceEntity> find("itemId = ?1 and lotId = ?2 and plantId = ?3 and locationId = ?4 and status = ?5",
                    itemId, lotId, plantId, locationId, StockStatus.UNRESTRICTED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        }
        return BalanceEntity.<BalanceEntity> find("itemId = ?1 and plantId = ?2 and locationId = ?3 and status = ?4 and quantity > 0 "
                + "order by lotId nulls first", itemId, plantId, locationId, StockStatus.UNRESTRICTED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The balance row of a position and status, created at zero if new, locked for this transaction. */
    private BalanceEntity lock(String itemId, String lotId, String plantId, String locationId, StockStatus status, String uom) {
        em.createNativeQuery("INSERT INTO {h-schema}balance (item_id, lot_id, plant_id, location_id, status, quantity, uom, updated_at) "
                + "VALUES (?1, CAST(?2 AS VARCHAR), ?3, ?4, ?5, 0, ?6, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, itemId).setParameter(2, lotId).setParameter(3, plantId).setParameter(4, locationId)
                .setParameter(5, status.name()).setParameter(6, uom)
                .executeUpdate();
        String query = (lotId == null ? "itemId = ?1 and lotId is null" : "itemId = ?1 and lotId = ?5")
                + " and plantId = ?2 and locationId = ?3 and status = ?4";
        Object[] params = lotId == null ? new Object[] { itemId, plantId, locationId, status }
                : new Object[] { itemId, plantId, locationId, status, lotId };
        return BalanceEntity.<BalanceEntity> find(query, params).withLock(LockModeType.PESSIMISTIC_WRITE).singleResult();
    }

    private static String describe(BalanceEntity b) {
        return b.itemId + (b.lotId == null ? "" : " lot " + b.lotId) + " at " + b.plantId + "/" + b.locationId + " " + b.status;
    }
}
