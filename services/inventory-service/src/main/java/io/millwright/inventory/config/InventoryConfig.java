package io.millwright.inventory.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * inventory-service's own settings (prefix {@code millwright.inventory}). The ERP and the WMS are configured once per
 * target under {@code millwright.kit.targets}; the posting queues under {@code millwright.kit.work-queues}.
 */
@ConfigMapping(prefix = "millwright.inventory")
public interface InventoryConfig {

    /** The plant this service keeps stock for; default of the availability API and plant of production movements. */
    @WithDefault("1000")
    String plantId();

    Production production();

    ItemSync itemSync();

    Reconciliation reconciliation();

    interface Production {
        /** Where output lots of COMPLETION confirmations are received. */
        @WithDefault("FG01")
        String receivingLocation();

        /** Where components of CONSUMPTION confirmations are issued from. */
        @WithDefault("RM01")
        String componentLocation();

        /**
         * Per-item exceptions to {@link #componentLocation()} (item id → location), for components staged elsewhere
         * (e.g. semi-finished parts in WIP1). Must match where the ERP keeps the stock, which it issues from too.
         */
        Map<String, String> componentLocations();
    }

    interface ItemSync {
        @WithDefault("10m")
        Duration interval();

        /** How often to check whether a sync is due; also the retry pause after a failed sync. */
        @WithDefault("30s")
        Duration checkInterval();
    }

    interface Reconciliation {
        @WithDefault("1h")
        Duration interval();
    }
}
