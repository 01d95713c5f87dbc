package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.util.List;

import io.millwright.erp.contract.GetStockStatusRequest;
import io.millwright.erp.contract.GetStockStatusResponse;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.SetStockStatusResponse;
import io.millwright.erp.contract.StockStatus;
import io.millwright.simulators.erp.fault.ErpRejectedException;
import io.millwright.simulators.erp.fault.FaultCodes;
import io.millwright.simulators.erp.mapping.ErpContractMapper;
import io.millwright.simulators.erp.persistence.ItemEntity;
import io.millwright.simulators.erp.persistence.StockBalanceEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Stock balances per item/plant/location/lot, their status, and how goods movements change them. */
@ApplicationScoped
public class StockService {

    @Inject
    PostingLedger ledger;

    @Transactional
    public GetStockStatusResponse getStockStatus(GetStockStatusRequest request) {
        GetStockStatusResponse response = new GetStockStatusResponse();
        StockBalanceEntity.matching(request.getItemId(), request.getPlant())
                .forEach(balance -> response.getBalance().add(ErpContractMapper.stockBalance(balance)));
        return response;
    }

    @Transactional
    public SetStockStatusResponse setStockStatus(SetStockStatusRequest request) {
        String postingId = RequestChecks.text(request.getPostingId(), "postingId");
        PostingLedger.Posted posted = ledger.post(PostingType.STOCK_STATUS, postingId, request, () -> {
            String itemId = RequestChecks.text(request.getItemId(), "itemId");
            String plant = RequestChecks.text(request.getPlant(), "plant");
            String lot = RequestChecks.text(request.getLot(), "lot");
            StockStatus status = RequestChecks.present(request.getStatus(), "status");
            requireItem(itemId);
            List<StockBalanceEntity> balances = StockBalanceEntity.lockLot(itemId, plant, lot);
            if (balances.isEmpty()) {
                throw new ErpRejectedException(FaultCodes.LOT_UNKNOWN,
                        "no stock of item " + itemId + " lot " + lot + " in plant " + plant);
            }
            balances.forEach(balance -> balance.status = status.value());
        });
        SetStockStatusResponse response = new SetStockStatusResponse();
        response.setDocumentNumber(posted.documentNumber());
        response.setDuplicate(posted.duplicate());
        return response;
    }

    /**
     * Applies a goods movement to the balances (called once per movementId, inside its posting transaction).
     * Receipts add to the lot (new lots start UNRESTRICTED), issues take unrestricted stock (from the named lot,
     * or oldest lot first), adjustments add a signed quantity. A transfer names only one location in erp.wsdl,
     * so it is recorded without changing balances.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyMovement(PostGoodsMovementRequest request) {
        ItemEntity item = requireItem(RequestChecks.text(request.getItemId(), "itemId"));
        String plant = RequestChecks.text(request.getPlant(), "plant");
        String location = RequestChecks.text(request.getLocation(), "location");
        RequestChecks.present(request.getMovementType(), "movementType");
        RequestChecks.present(request.getQuantity(), "quantity");
        String unit = request.getQuantity().getUnitOfMeasure();
        if (unit != null && !unit.equals(item.baseUnitOfMeasure)) {
            throw new ErpRejectedException(FaultCodes.UNIT_OF_MEASURE_INVALID,
                    "item " + item.itemId + " is kept in " + item.baseUnitOfMeasure + ", not " + unit);
        }
        String lot = request.getLot() == null || request.getLot().isBlank() ? null : request.getLot();
        switch (request.getMovementType()) {
            case GOODS_RECEIPT -> receive(item, plant, location, lot,
                    RequestChecks.positive(request.getQuantity(), "quantity"));
            case GOODS_ISSUE -> issue(item, plant, location, lot,
                    RequestChecks.positive(request.getQuantity(), "quantity"));
            case ADJUSTMENT -> adjust(item, plant, location, lot, request.getQuantity().getValue());
            case TRANSFER -> RequestChecks.positive(request.getQuantity(), "quantity");
        }
    }

    @Transactional
    public List<AdminViews.StockBalance> balances(String itemId) {
        return StockBalanceEntity.matching(itemId == null ? List.of() : List.of(itemId), null).stream()
                .map(AdminViews.StockBalance::of).toList();
    }

    /**
     * Overwrites one position (item/plant/location/lot) with the given status and quantity, creating it if needed:
     * what a stock count correction does, used to put a known variance into the ERP. Bad input:
     * IllegalArgumentException.
     */
    @Transactional
    public AdminViews.StockBalance overwrite(String itemId, String plant, String location, String lot, String status,
            BigDecimal quantity) {
        ItemEntity item = itemId == null ? null : ItemEntity.findById(itemId);
        if (item == null) {
            throw new IllegalArgumentException("item " + itemId + " does not exist");
        }
        if (plant == null || plant.isBlank() || location == null || location.isBlank()) {
            throw new IllegalArgumentException("plant and location are required");
        }
        StockStatus stockStatus;
        try {
            stockStatus = StockStatus.fromValue(status == null ? StockStatus.UNRESTRICTED.value() : status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be UNRESTRICTED, QUALITY_HOLD or BLOCKED");
        }
        if (quantity == null || quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must be >= 0");
        }
        String lotOrNull = lot == null || lot.isBlank() ? null : lot;
        StockBalanceEntity balance = StockBalanceEntity.lockPosition(item.itemId, plant, location, lotOrNull);
        if (balance == null) {
            balance = new StockBalanceEntity();
            balance.itemId = item.itemId;
            balance.plant = plant;
            balance.location = location;
            balance.lot = lotOrNull;
            balance.unitOfMeasure = item.baseUnitOfMeasure;
            balance.persist();
        }
        balance.status = stockStatus.value();
        balance.quantity = quantity;
        return AdminViews.StockBalance.of(balance);
    }

    private static ItemEntity requireItem(String itemId) {
        ItemEntity item = ItemEntity.findById(itemId);
        if (item == null) {
            throw new ErpRejectedException(FaultCodes.ITEM_UNKNOWN, "item " + itemId + " does not exist");
        }
        return item;
    }

    private static void receive(ItemEntity item, String plant, String location, String lot, BigDecimal quantity) {
        StockBalanceEntity balance = StockBalanceEntity.lockPosition(item.itemId, plant, location, lot);
        if (balance == null) {
            balance = new StockBalanceEntity();
            balance.itemId = item.itemId;
            balance.plant = plant;
            balance.location = location;
            balance.lot = lot;
            balance.status = StockStatus.UNRESTRICTED.value();
            balance.quantity = BigDecimal.ZERO;
            balance.unitOfMeasure = item.baseUnitOfMeasure;
            balance.persist();
        }
        balance.quantity = balance.quantity.add(quantity);
    }

    private static void issue(ItemEntity item, String plant, String location, String lot, BigDecimal quantity) {
        List<StockBalanceEntity> sources = lot == null
                ? StockBalanceEntity.lockUnrestrictedAt(item.itemId, plant, location)
                : unrestrictedLot(item, plant, location, lot);
        BigDecimal available = sources.stream().map(b -> b.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(quantity) < 0) {
            throw new ErpRejectedException(FaultCodes.STOCK_INSUFFICIENT, "only " + available.toPlainString() + " "
                    + item.baseUnitOfMeasure + " of " + item.itemId + " unrestricted at " + plant + "/" + location
                    + (lot == null ? "" : " lot " + lot) + ", " + quantity.toPlainString() + " requested");
        }
        BigDecimal remaining = quantity;
        for (StockBalanceEntity source : sources) {
            BigDecimal taken = source.quantity.min(remaining);
            source.quantity = source.quantity.subtract(taken);
            remaining = remaining.subtract(taken);
        }
    }

    private static List<StockBalanceEntity> unrestrictedLot(ItemEntity item, String plant, String location,
            String lot) {
        StockBalanceEntity balance = StockBalanceEntity.lockPosition(item.itemId, plant, location, lot);
        if (balance == null) {
            throw new ErpRejectedException(FaultCodes.LOT_UNKNOWN,
                    "no stock of item " + item.itemId + " lot " + lot + " at " + plant + "/" + location);
        }
        return StockStatus.UNRESTRICTED.value().equals(balance.status) ? List.of(balance) : List.of();
    }

    private static void adjust(ItemEntity item, String plant, String location, String lot, BigDecimal delta) {
        if (delta == null || delta.signum() == 0) {
            throw new ErpRejectedException(FaultCodes.QUANTITY_INVALID, "an adjustment needs a non-zero quantity");
        }
        if (delta.signum() > 0) {
            receive(item, plant, location, lot, delta);
            return;
        }
        StockBalanceEntity balance = StockBalanceEntity.lockPosition(item.itemId, plant, location, lot);
        if (balance == null || balance.quantity.add(delta).signum() < 0) {
            throw new ErpRejectedException(FaultCodes.STOCK_INSUFFICIENT,
                    "adjustment would make the stock of " + item.itemId + " negative");
        }
        balance.quantity = balance.quantity.add(delta);
    }
}
