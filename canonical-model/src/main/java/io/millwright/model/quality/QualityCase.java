package io.millwright.model.quality;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.util.List;

/** A quality case (non-conformance) opened in the QMS; {@code qmsCaseId} arrives once the QMS has created it. */
public record QualityCase(
        String caseId,
        @Nullable String qmsCaseId,
        String title,
        List<String> lotIds,
        @Nullable String holdId,
        @Nullable String resultId,
        CaseStatus status,
        Instant openedAt) {

    public QualityCase {
        Require.nonBlank(caseId, "caseId");
        Require.nonBlankIfPresent(qmsCaseId, "qmsCaseId");
        Require.nonBlank(title, "title");
        lotIds = Require.nonEmptyList(lotIds, "lotIds");
        Require.nonBlankIfPresent(holdId, "holdId");
        Require.nonBlankIfPresent(resultId, "resultId");
        Require.nonNull(status, "status");
        Require.nonNull(openedAt, "openedAt");
    }
}
