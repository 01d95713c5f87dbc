package io.millwright.model.quality;

public enum HoldStatus {
    ACTIVE,
    RELEASED
}
