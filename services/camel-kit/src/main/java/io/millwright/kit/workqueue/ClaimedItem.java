package io.millwright.kit.workqueue;

import java.time.Instant;
import java.util.UUID;

/** A work item leased to this instance: everything the consumer needs without going back to the database. */
record ClaimedItem(long id, String queue, String key, String orderingKey, String payload, String correlationId,
        String traceparent, int attempt, UUID deadLetterId, Instant createdAt) {
}
