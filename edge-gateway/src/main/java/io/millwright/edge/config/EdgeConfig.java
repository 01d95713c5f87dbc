package io.millwright.edge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Gateway settings; the plant's connections and tags live in the YAML file named by {@code config}. */
@ConfigMapping(prefix = "millwright.edge")
public interface EdgeConfig {

    /** The plant YAML file. */
    Path config();

    /** Local disk for the Artemis journal; must survive restarts. */
    Path dataDir();

    Forward forward();

    Store store();

    Kafka kafka();

    /** The local store's limits (E4). */
    interface Store {

        /**
         * Byte budget for entries waiting to be forwarded. When reached, the oldest TELEMETRY entries are dropped
         * (counted, alarmed); machine events and EVENT-class samples are never dropped: if they alone fill the
         * budget, acquisition pauses until forwarding made room.
         */
        @WithDefault("2147483648")
        long maxBytes();

        /** Waiting entries kept in memory per lane; the rest wait in page files on disk. */
        @WithDefault("8388608")
        long memoryBytes();

        /** After the budget was reached, acquisition resumes and drops stop below this share of it. */
        @WithDefault("0.9")
        double resumeBelow();
    }

    /** The cloud link. Any Kafka producer property can be added under {@code properties}. */
    interface Kafka {

        String bootstrapServers();

        /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
        @WithDefault("PLAINTEXT")
        String securityProtocol();

        Optional<String> sslTruststoreLocation();

        Optional<String> sslTruststorePassword();

        @WithDefault("PKCS12")
        String sslTruststoreType();

        Optional<String> sslKeystoreLocation();

        Optional<String> sslKeystorePassword();

        @WithDefault("PKCS12")
        String sslKeystoreType();

        Optional<String> saslMechanism();

        Optional<String> saslJaasConfig();

        /** Extra producer properties, e.g. {@code millwright.edge.kafka.properties."compression.type"=zstd}. */
        Map<String, String> properties();
    }

    interface Forward {

        /** First wait after a failed Kafka send; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long one Kafka send may take (metadata wait plus delivery) before it counts as failed and is retried. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Entries sent to Kafka per journal transaction. */
        @WithDefault("5000")
        int batchSize();

        /**
         * Telemetry records per second at most (0: no limit), so a drained backlog does not saturate a thin WAN
         * link. Machine events are never paced.
         */
        @WithDefault("0")
        int maxRate();
    }
}
