package io.millwright.edge.status;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway's status page shows, as data ({@code GET /api/v1/status}): for the
 * operations console and scripts. The same figures as {@code /q/health} and {@code /q/metrics}, with each PLC
 * connection's state and the reason it is down.
 */
public record GatewayStatus(String plant, Instant at, List<Connection> connections, Journal journal, CloudLink cloudLink, long deadLetters) {

    /**
     * One PLC connection.
     *
     * @param url   the connection string without credentials
     * @param state STARTING, UP, DOWN, or UNKNOWN before its first attempt
     */
    public record Connection(String id, String url, String security, String state, int consecutiveFailures, String lastError,
            Instant lastSuccess, Instant nextAttempt, long acquired, long forwarded) {
    }

    /**
     * The store-and-forward journal.
     *
     * @param backlog entries waiting for Kafka, null when the journal cannot tell
     */
    public record Journal(boolean active, Long backlog, double oldestEntryAgeSeconds, long acquiredTotal, long forwardedTotal,
            long eventsWaiting, long storedBytes, long budgetBytes, boolean full, long droppedTotal) {
    }

    public record CloudLink(boolean up, Instant lastAcknowledged, String lastError) {
    }
}
