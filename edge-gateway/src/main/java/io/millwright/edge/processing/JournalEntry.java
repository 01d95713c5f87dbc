package io.millwright.edge.processing;

import java.time.Instant;
import java.util.function.LongFunction;

import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SourceSequenced;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * One thing to make durable: its event type, the source whose sequence numbers it takes, the connection it was
 * read through (for the per-connection counters) and whether the disk budget may drop it. The payload is built
 * once the journal writer has assigned the sequence number.
 *
 * @param droppable true for TELEMETRY-class samples and aggregates; machine events and EVENT-class samples are
 *                  never dropped
 */
public record JournalEntry(EventType type, String sourceId, String connectionId, boolean droppable,
        LongFunction<SourceSequenced> payload) {

    /** Machine events travel in their own lane, ahead of any telemetry backlog. */
    public boolean isMachineEvent() {
        return type.topic().equals(Topics.EDGE_EVENTS);
    }

    /** When the entry's payload says it happened: sampled, changed, raised, or the window's end. */
    public static Instant occurredAt(SourceSequenced data) {
        if (data instanceof TelemetrySample sample) {
            return sample.sampledAt();
        }
        if (data instanceof MachineStateChange change) {
            return change.changedAt();
        }
        if (data instanceof MachineAlert alert) {
            return alert.raisedAt();
        }
        if (data instanceof MachineAlertCleared cleared) {
            return cleared.clearedAt();
        }
        if (data instanceof TelemetryAggregate aggregate) {
            return aggregate.windowEnd();
        }
        return Instant.now();
    }
}
