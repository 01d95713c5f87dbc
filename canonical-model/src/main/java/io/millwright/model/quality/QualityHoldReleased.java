package io.millwright.model.quality;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.util.List;

public record QualityHoldReleased(
        String holdId,
        String plantId,
        List<String> lotIds,
        @Nullable String resultId,
        String reason,
        Instant releasedAt) {

    public QualityHoldReleased {
        Require.nonBlank(holdId, "holdId");
        Require.nonBlank(plantId, "plantId");
        lotIds = Require.nonEmptyList(lotIds, "lotIds");
        Require.nonBlankIfPresent(resultId, "resultId");
        Require.nonBlank(reason, "reason");
        Require.nonNull(releasedAt, "releasedAt");
    }
}
