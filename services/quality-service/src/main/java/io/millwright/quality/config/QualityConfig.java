package io.millwright.quality.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** quality-service's own settings ({@code millwright.quality.*}); the kit's are under {@code millwright.kit.*}. */
@ConfigMapping(prefix = "millwright.quality")
public interface QualityConfig {

    /** The plant a hold is for when the lot's production order did not say. */
    @WithDefault("1000")
    String plantId();

    Genealogy genealogy();

    Results results();

    Holds holds();

    interface Genealogy {
        /** The deepest level a genealogy answer walks. */
        @WithDefault("50")
        int maxDepth();
    }

    interface Results {
        /** How long a result waits for its lot to be named by a production confirmation before it is a dead letter. */
        @WithDefault("24h")
        Duration matchWithin();

        /** How often waiting results are checked against that limit. */
        @WithDefault("1m")
        Duration expiryCheckInterval();
    }

    interface Holds {
        /** Also hold, on a failed result, every lot made from the failed lot (found through the genealogy). */
        @WithDefault("false")
        boolean includeProducts();
    }
}
