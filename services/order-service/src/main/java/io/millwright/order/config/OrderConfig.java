package io.millwright.order.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "millwright.order")
public interface OrderConfig {

    ErpPosting erpPosting();

    MasterData masterData();

    /** Kafka topic on which CRM integrations may push orders instead of calling the REST API. */
    @WithDefault("millwright.crm.orders")
    String crmTopic();

    Availability availability();

    Crm crm();

    /** Availability of stock, asked of inventory-service while an order is validated. */
    interface Availability {
        /** Base URL of inventory-service ({@code GET {url}/api/v1/availability}). */
        @WithDefault("http://127.0.0.1:8083")
        String url();

        /** Plant whose stock counts for order lines. */
        @WithDefault("1000")
        String plant();

        /** Per request; the whole check is also bounded (3 s) and guarded by a circuit breaker. */
        @WithDefault("1500")
        long timeoutMs();
    }

    /** O4: milestone notifications to the CRM's webhook. */
    interface Crm {
        /** {@code POST} target for milestones; without it every delivery fails and ends in the dead-letter store. */
        Optional<String> webhookUrl();

        /** Attempts per milestone before it goes to the dead-letter store. */
        @WithDefault("8")
        int maxAttempts();

        /** Pause after the first failed attempt; doubles per attempt up to {@link #maxBackoffMs()}. */
        @WithDefault("1000")
        long initialBackoffMs();

        @WithDefault("60000")
        long maxBackoffMs();

        /** How often due deliveries are looked for. */
        @WithDefault("1000")
        long pollIntervalMs();

        @WithDefault("5000")
        long requestTimeoutMs();
    }

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
