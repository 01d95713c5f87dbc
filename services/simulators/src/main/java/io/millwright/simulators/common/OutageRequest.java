package io.millwright.simulators.common;

import java.time.Duration;

/** Body of {@code POST /sim/<system>/faults}: {@code durationSeconds} absent = down until cleared. */
public record OutageRequest(Long durationSeconds) {

    public Duration duration() {
        return durationSeconds == null ? null : Duration.ofSeconds(durationSeconds);
    }
}
