package io.millwright.edge.forward;

import java.time.Instant;

/** Whether the last send to Kafka succeeded, when it last did and last failed, and the last error. */
public record CloudLinkState(boolean up, Instant lastSuccess, Instant lastFailure, String lastError) {
}
