package io.millwright.edge.config;

import java.nio.file.Path;
import java.time.Duration;

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

    interface Forward {

        /** First wait after a failed Kafka send; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long one Kafka send may take (metadata wait plus delivery) before it counts as failed and is retried. */
        @WithDefault("15s")
        Duration sendTimeout();
    }
}
