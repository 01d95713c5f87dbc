package io.millwright.model.quality;

public enum QualityVerdict {
    PASS,
    FAIL
}
