package io.millwright.inventory.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "millwright.inventory")
public interface InventoryConfig {

    /** The plant this service keeps stock for; default of the availability API and plant of production movements. */
    @WithDefault("1000")
    String plantId();

    Production production();

    Wms wms();

    ErpPosting erpPosting();

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

    interface Wms {
        /** Base URL of the WMS; stock status goes to {@code {url}/wms/api/v1/stock-status}. */
        String url();

        @WithDefault("5000")
        long timeoutMs();
    }

    interface ErpPosting {
        @WithDefault("1000")
        long intervalMs();

        @WithDefault("20")
        int batchSize();

        /** Upper bound of the pause between two attempts of one posting while ERP (or the WMS) is unavailable. */
        @WithDefault("60")
        long maxBackoffSeconds();
    }

    interface ItemSync {
        @WithDefault("600000")
        long intervalMs();

        /** How often to check whether a sync is due; also the retry pause after a failed sync. */
        @WithDefault("30000")
        long checkIntervalMs();
    }

    interface Reconciliation {
        @WithDefault("3600000")
        long intervalMs();
    }
}
