package io.millwright.model.quality;

import io.millwright.model.common.Require;

public record QualityCaseOpened(QualityCase qualityCase) {

    public QualityCaseOpened {
        Require.nonNull(qualityCase, "qualityCase");
    }
}
