package io.millwright.order.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * order-service's own settings (prefix {@code millwright.order}). Where the ERP, the CRM webhook and inventory-service
 * are, and how patiently they are called, is configured once per target under {@code millwright.kit.targets}; the
 * work queues under {@code millwright.kit.work-queues}.
 */
@ConfigMapping(prefix = "millwright.order")
public interface OrderConfig {

    MasterData masterData();

    /** Kafka topic on which CRM integrations may push orders instead of calling the REST API. */
    @WithDefault("millwright.crm.orders")
    String crmTopic();

    Availability availability();

    /** Availability of stock, asked of inventory-service while an order is validated. */
    interface Availability {
        /** Plant whose stock counts for order lines. */
        @WithDefault("1000")
        String plant();
    }

    interface MasterData {
        @WithDefault("10m")
        Duration syncInterval();

        /** How often to check whether a sync is due; also the retry pause after a failed sync. */
        @WithDefault("30s")
        Duration checkInterval();
    }
}
