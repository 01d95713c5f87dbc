package io.millwright.model.quality;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.util.List;

/**
 * Stock of {@code lotIds} is held. A hold by resource and window ("every lot made on R between t1
 * and t2") keeps the criteria next to the lots they resolved to.
 */
public record QualityHold(
        String holdId,
        String plantId,
        List<String> lotIds,
        HoldCause cause,
        String reason,
        @Nullable String resourceId,
        @Nullable Instant windowFrom,
        @Nullable Instant windowTo,
        @Nullable String resultId,
        @Nullable String incidentId,
        HoldStatus status,
        Instant placedAt,
        @Nullable Instant releasedAt) {

    public QualityHold {
        Require.nonBlank(holdId, "holdId");
        Require.nonBlank(plantId, "plantId");
        lotIds = Require.nonEmptyList(lotIds, "lotIds");
        Require.nonNull(cause, "cause");
        Require.nonBlank(reason, "reason");
        Require.nonBlankIfPresent(resourceId, "resourceId");
        Require.ordered(windowFrom, windowTo, "windowFrom", "windowTo");
        Require.nonBlankIfPresent(resultId, "resultId");
        Require.nonBlankIfPresent(incidentId, "incidentId");
        Require.nonNull(status, "status");
        Require.nonNull(placedAt, "placedAt");
        Require.ordered(placedAt, releasedAt, "placedAt", "releasedAt");
        if (status == HoldStatus.RELEASED && releasedAt == null) {
            throw new IllegalArgumentException("releasedAt is required when status is RELEASED");
        }
    }
}
