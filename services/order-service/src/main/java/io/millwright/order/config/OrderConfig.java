package io.millwright.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "millwright.order")
public interface OrderConfig {

    ErpPosting erpPosting();

    MasterData masterData();

    /** Kafka topic on which CRM integrations may push orders instead of calling the REST API. */
    @WithDefault("millwright.crm.orders")
    String crmTopic();

    interface ErpPosting {
        @WithDefault("1000")
        long intervalMs();

        @WithDefault("20")
        int batchSize();

        /** Upper bound of the wait between two attempts for one order while ERP is unavailable. */
        @WithDefault("60")
        long maxBackoffSeconds();
    }

    interface MasterData {
        @WithDefault("600000")
        long syncIntervalMs();

        /** How often to check whether a sync is due; also the retry pause after a failed sync. */
        @WithDefault("30000")
        long checkIntervalMs();
    }
}
