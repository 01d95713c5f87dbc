package io.millwright.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every service that uses the kit (prefix {@code millwright.kit}). */
@ConfigMapping(prefix = "millwright.kit")
public interface KitConfig {

    /** Short service name; CloudEvents source is {@code urn:millwright:<service-name>}. */
    String serviceName();

    Errors errors();

    Outbox outbox();

    interface Errors {
        /** Redeliveries before a message goes to the dead-letter store. */
        @WithDefault("5")
        int maxRedeliveries();

        @WithDefault("500")
        long redeliveryDelayMs();

        @WithDefault("2.0")
        double backoffMultiplier();

        @WithDefault("30000")
        long maxRedeliveryDelayMs();
    }

    interface Outbox {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("250")
        long pollIntervalMs();

        @WithDefault("200")
        int batchSize();
    }
}
