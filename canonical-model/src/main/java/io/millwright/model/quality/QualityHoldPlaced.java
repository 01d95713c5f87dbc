package io.millwright.model.quality;

import io.millwright.model.common.Require;

public record QualityHoldPlaced(QualityHold hold) {

    public QualityHoldPlaced {
        Require.nonNull(hold, "hold");
    }
}
