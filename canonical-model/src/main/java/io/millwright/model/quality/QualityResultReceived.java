package io.millwright.model.quality;

import io.millwright.model.common.Require;
import java.time.Instant;

public record QualityResultReceived(QualityResult result, Instant receivedAt) {

    public QualityResultReceived {
        Require.nonNull(result, "result");
        Require.nonNull(receivedAt, "receivedAt");
    }
}
