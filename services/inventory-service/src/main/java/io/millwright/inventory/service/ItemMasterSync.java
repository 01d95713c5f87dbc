package io.millwright.inventory.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.Item;
import io.millwright.erp.contract.StockBalance;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.persistence.ItemRecord;
import io.millwright.model.common.Quantity;
import io.millwright.model.inventory.StockStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * I4: replicates the item master from ERP at start-up and then on the configured interval (after a failure,
 * again on the next check tick). An item new to inventory gets its opening balances from ERP's GetStockStatus
 * in the same transaction that makes it known, so a known item always has meaningful balances; from then on
 * only movements change them. The Kafka consumers start once items exist: until then events wait in Kafka.
 */
@ApplicationScoped
public class ItemMasterSync {

    private static final Logger LOG = Logger.getLogger(ItemMasterSync.class);
    /** The event consumers that start once items (and their opening balances) are known. */
    public static final String PRODUCTION_EVENTS_ROUTE_ID = "inventory.production-movements";
    public static final String QUALITY_EVENTS_ROUTE_ID = "inventory.quality-holds";
    private static final List<String> CONSUMERS = List.of(PRODUCTION_EVENTS_ROUTE_ID, QUALITY_EVENTS_ROUTE_ID);

    @Inject
    ErpInventoryClient erp;

    @Inject
    StockLedger ledger;

    @Inject
    InventoryConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    CamelContext camel;

    private volatile Instant lastSuccess;

    public void syncIfDue() {
        Instant last = lastSuccess;
        if (last == null || !last.plus(config.itemSync().interval()).isAfter(Instant.now())) {
            try {
                sync();
            } catch (RuntimeException e) {
                registry.counter("millwright.inventory.item.sync.failures").increment();
                LOG.warnf("Item master sync from ERP failed, will retry: %s", e.getMessage());
            }
        }
        startConsumersOnceItemsExist();
    }

    public void sync() {
        List<Item> items = erp.items();
        Set<String> known = new HashSet<>(QuarkusTransaction.requiringNew().call(
                () -> ItemRecord.<ItemRecord> listAll().stream().map(i -> i.itemId).toList()));
        List<String> newItems = items.stream().map(Item::getItemId).filter(id -> !known.contains(id)).toList();
        List<StockBalance> opening = newItems.isEmpty() ? List.of() : erp.stock(newItems, config.plantId());
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Item item : items) {
                upsert(item, now);
            }
            for (StockBalance balance : opening) {
                if (newItems.contains(balance.getItemId()) && config.plantId().equals(balance.getPlant())
                        && balance.getQuantity().getValue().signum() > 0) {
                    ledger.open(balance.getItemId(), blankToNull(balance.getLot()), balance.getPlant(), balance.getLocation(),
                            StockStatus.valueOf(balance.getStatus().value()),
                            new Quantity(balance.getQuantity().getValue(), balance.getQuantity().getUnitOfMeasure()));
                }
            }
        });
        lastSuccess = now;
        LOG.infof("Items replicated from ERP: %d items, %d new with %d opening balance(s)", items.size(), newItems.size(), opening.size());
    }

    /** True once items are known locally (this run or an earlier one). */
    public boolean hasItems() {
        return lastSuccess != null || QuarkusTransaction.joiningExisting().call(() -> ItemRecord.count() > 0);
    }

    private void startConsumersOnceItemsExist() {
        if (!hasItems()) {
            return;
        }
        for (String routeId : CONSUMERS) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (status != null && status.isStartable()) {
                try {
                    camel.getRouteController().startRoute(routeId);
                    LOG.infof("Items known: started %s", routeId);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start " + routeId, e);
                }
            }
        }
    }

    private static void upsert(Item item, Instant now) {
        ItemRecord record = ItemRecord.findById(item.getItemId());
        if (record == null) {
            record = new ItemRecord();
            record.itemId = item.getItemId();
            record.openingBalancesAt = now;
        }
        record.description = item.getDescription();
        record.itemType = item.getItemType();
        record.baseUom = item.getBaseUnitOfMeasure();
        record.syncedAt = now;
        record.persist();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
