package io.millwright.model.quality;

import io.millwright.model.common.Nullable;
import io.millwright.model.common.Require;
import java.time.Instant;
import java.util.List;

/**
 * An inspection or lab result for a lot. {@code resultId} is the QMS/LIMS id (dedupe key);
 * {@code productionOrderId} and {@code itemId} are filled in when the result is correlated to its lot.
 */
public record QualityResult(
        String resultId,
        String sourceSystem,
        String lotId,
        @Nullable String itemId,
        @Nullable String productionOrderId,
        @Nullable String inspectionPlanId,
        QualityVerdict verdict,
        List<QualityMeasurement> measurements,
        @Nullable String inspectorId,
        Instant inspectedAt) {

    public QualityResult {
        Require.nonBlank(resultId, "resultId");
        Require.nonBlank(sourceSystem, "sourceSystem");
        Require.nonBlank(lotId, "lotId");
        Require.nonBlankIfPresent(itemId, "itemId");
        Require.nonBlankIfPresent(productionOrderId, "productionOrderId");
        Require.nonBlankIfPresent(inspectionPlanId, "inspectionPlanId");
        Require.nonNull(verdict, "verdict");
        measurements = Require.list(measurements, "measurements");
        Require.nonBlankIfPresent(inspectorId, "inspectorId");
        Require.nonNull(inspectedAt, "inspectedAt");
    }
}
