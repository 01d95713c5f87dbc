package io.millwright.model.production;

import io.millwright.model.common.Require;
import java.time.Instant;

public record ProductionOrderReleased(ProductionOrder productionOrder, Instant releasedAt) {

    public ProductionOrderReleased {
        Require.nonNull(productionOrder, "productionOrder");
        Require.nonNull(releasedAt, "releasedAt");
    }
}
