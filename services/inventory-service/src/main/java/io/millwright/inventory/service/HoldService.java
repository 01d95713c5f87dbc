package io.millwright.inventory.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.millwright.inventory.persistence.BalanceEntity;
import io.millwright.inventory.persistence.HoldEntity;
import io.millwright.inventory.persistence.HoldLotEntity;
import io.millwright.inventory.persistence.StockStatusSyncEntity;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.EventType;
import io.millwright.model.inventory.StockStatus;
import io.millwright.model.inventory.StockStatusChanged;

/**
 * I3: a hold moves the UNRESTRICTED stock of its lots to QUALITY_HOLD, a release moves it back, each as ledger
 * movements with an {@code inventory.stock-status.changed} event, and queues the change for ERP (SetStockStatus)
 * and the WMS, each sent exactly once by {@link StockStatusPosting}. ERP keeps one status per lot, so a hold
 * covers a lot at every location; a location may be named only where the whole lot is. Repeating a hold or a
 * release changes nothing. A release leaves stock held while another active hold covers the same lot.
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);

    @Inject
    StockLedger ledger;

    @Inject
    OutboxWriter outbox;

    @Inject
    StockStatusPosting statusPostings;

    public record Result(HoldEntity hold, boolean created) {
    }

    @Transactional
    public Result place(HoldCommand command) {
        HoldEntity existing = HoldEntity.findById(command.holdId());
        Map<String, List<BalanceEntity>> lots = resolve(command);
        if (existing != null) {
            Set<String> asked = new TreeSet<>(lots.keySet());
            Set<String> held = existing.lots.stream().map(l -> key(l.itemId, l.lotId)).collect(Collectors.toCollection(TreeSet::new));
            if (!asked.equals(held)) {
                throw new HoldNotApplicableException(HoldNotApplicableException.Reason.CONFLICT, "holdId",
                        "hold " + command.holdId() + " exists for " + held + ", not " + asked);
            }
            return new Result(existing, false);
        }
        Instant now = Instant.now();
        HoldEntity hold = new HoldEntity();
        hold.holdId = command.holdId();
        hold.plantId = command.plantId();
        hold.reason = command.reason();
        hold.source = command.source();
        hold.status = HoldEntity.Status.ACTIVE;
        hold.placedAt = now;
        hold.persist();
        boolean single = lots.size() == 1;
        for (List<BalanceEntity> balances : lots.values()) {
            BalanceEntity any = balances.get(0);
            BigDecimal moved = ledger.changeStatus(hold.holdId, any.itemId, any.lotId, hold.plantId, command.locationId(),
                    StockStatus.UNRESTRICTED, StockStatus.QUALITY_HOLD);
            HoldLotEntity lot = new HoldLotEntity();
            lot.hold = hold;
            lot.itemId = any.itemId;
            lot.lotId = any.lotId;
            lot.locationId = command.locationId();
            lot.heldQuantity = moved;
            lot.uom = any.uom;
            hold.lots.add(lot);
            lot.persist();
            changed(hold, lot, StockStatus.UNRESTRICTED, StockStatus.QUALITY_HOLD, moved, hold.reason, now);
            queueSync(hold, lot, single, StockStatus.QUALITY_HOLD, hold.reason, now);
        }
        LOG.infof("Hold %s placed on %s", hold.holdId, lots.keySet());
        return new Result(hold, true);
    }

    @Transactional
    public Result release(String holdId, String reason) {
        HoldEntity hold = HoldEntity.findById(holdId);
        if (hold == null) {
            throw new HoldNotApplicableException(HoldNotApplicableException.Reason.HOLD_UNKNOWN, "holdId", "no hold " + holdId);
        }
        if (hold.status == HoldEntity.Status.RELEASED) {
            return new Result(hold, false);
        }
        Instant now = Instant.now();
        String why = reason == null || reason.isBlank() ? "Hold " + holdId + " released" : reason;
        hold.status = HoldEntity.Status.RELEASED;
        hold.releasedAt = now;
        hold.releaseReason = why;
        boolean single = hold.lots.size() == 1;
        for (HoldLotEntity lot : hold.lots) {
            if (HoldEntity.otherActiveHoldCovers(holdId, lot.itemId, lot.lotId, hold.plantId)) {
                LOG.infof("Hold %s released; lot %s stays held by another active hold", holdId, lot.lotId);
                continue;
            }
            BigDecimal moved = ledger.changeStatus(holdId, lot.itemId, lot.lotId, hold.plantId, lot.locationId,
                    StockStatus.QUALITY_HOLD, StockStatus.UNRESTRICTED);
            changed(hold, lot, StockStatus.QUALITY_HOLD, StockStatus.UNRESTRICTED, moved, why, now);
            queueSync(hold, lot, single, StockStatus.UNRESTRICTED, why, now);
        }
        LOG.infof("Hold %s released", holdId);
        return new Result(hold, true);
    }

    @Transactional
    public HoldEntity find(String holdId) {
        HoldEntity hold = HoldEntity.findById(holdId);
        if (hold == null) {
            throw new HoldNotApplicableException(HoldNotApplicableException.Reason.HOLD_UNKNOWN, "holdId", "no hold " + holdId);
        }
        hold.lots.size();
        return hold;
    }

    /** Lots of the command with their balance rows, keyed item/lot; every lot must have stock known to inventory. */
    private static Map<String, List<BalanceEntity>> resolve(HoldCommand command) {
        Map<String, List<BalanceEntity>> lots = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (HoldCommand.LotRef ref : command.lots()) {
            List<BalanceEntity> balances = BalanceEntity.ofLot(ref.lotId(), command.plantId()).stream()
                    .filter(b -> ref.itemId() == null || ref.itemId().equals(b.itemId))
                    .toList();
            if (balances.isEmpty()) {
                unknown.add(ref.itemId() == null ? ref.lotId() : ref.itemId() + " lot " + ref.lotId());
                continue;
            }
            for (BalanceEntity b : balances) {
                lots.computeIfAbsent(key(b.itemId, b.lotId), k -> new ArrayList<>()).add(b);
            }
        }
        if (!unknown.isEmpty()) {
            throw new HoldNotApplicableException(HoldNotApplicableException.Reason.LOT_UNKNOWN, "lotId",
                    "no stock known in plant " + command.plantId() + " of " + String.join(", ", unknown));
        }
        if (command.locationId() != null) {
            for (List<BalanceEntity> balances : lots.values()) {
                List<String> elsewhere = balances.stream()
                        .filter(b -> b.quantity.signum() > 0 && !b.locationId.equals(command.locationId()))
                        .map(b -> b.locationId).distinct().toList();
                if (!elsewhere.isEmpty()) {
                    throw new HoldNotApplicableException(HoldNotApplicableException.Reason.INVALID, "locationId",
                            "ERP holds whole lots: lot " + balances.get(0).lotId + " is also stocked at " + elsewhere
                                    + "; omit locationId to hold it everywhere");
                }
            }
        }
        return lots;
    }

    private void changed(HoldEntity hold, HoldLotEntity lot, StockStatus from, StockStatus to, BigDecimal moved, String reason,
            Instant now) {
        outbox.append(EventType.INVENTORY_STOCK_STATUS_CHANGED, lot.itemId,
                new StockStatusChanged(lot.itemId, lot.lotId, hold.plantId, lot.locationId, from, to,
                        new Quantity(moved.stripTrailingZeros(), lot.uom), hold.holdId, reason, now));
    }

    private void queueSync(HoldEntity hold, HoldLotEntity lot, boolean singleLot, StockStatus status, String reason, Instant now) {
        String requestId = singleLot ? hold.holdId + ":" + status.name()
                : hold.holdId + ":" + lot.itemId + ":" + lot.lotId + ":" + status.name();
        for (StockStatusSyncEntity.Target target : StockStatusSyncEntity.Target.values()) {
            StockStatusSyncEntity sync = new StockStatusSyncEntity();
            sync.target = target;
            sync.requestId = requestId;
            sync.holdId = hold.holdId;
            sync.itemId = lot.itemId;
            sync.lotId = lot.lotId;
            sync.plantId = hold.plantId;
            sync.locationId = lot.locationId;
            sync.status = status;
            sync.reason = reason;
            sync.state = StockStatusSyncEntity.State.PENDING;
            sync.createdAt = now;
            sync.correlationId = Correlation.current();
            sync.persist();
            StockStatusSyncEntity.flush();
            statusPostings.queue(sync);
        }
    }

    private static String key(String itemId, String lotId) {
        return itemId + "/" + lotId;
    }
}
