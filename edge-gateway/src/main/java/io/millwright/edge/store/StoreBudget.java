package io.millwright.edge.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.millwright.edge.config.EdgeConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.metrics.EdgeMetricsSink;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;

/**
 * The disk budget (E4). Before each append the writer asks for room: over budget, the oldest TELEMETRY entries
 * are dropped down to {@code resumeBelow} of the budget (counted per entry, logged). When what is left is machine
 * events and EVENT-class samples only, nothing is dropped: the store is <em>full</em> and acquisition pauses
 * ({@link #acquisitionAllowed()}) until forwarding brought it below {@code resumeBelow}. Readings already taken
 * when the budget is reached are still written, so the store may overshoot by one scan. Drops, the pause and the
 * budget are reported to the metrics.
 */
@Unremovable
@ApplicationScoped
public class StoreBudget {

    private static final Logger LOG = Logger.getLogger(StoreBudget.class);

    private final EmbeddedJournal journal;
    private final EdgeMetricsSink metrics;
    private final long maxBytes;
    private final long resumeBytes;
    private volatile boolean full;
    private volatile long droppedEntries;
    private volatile long droppedBytes;

    StoreBudget(EmbeddedJournal journal, EdgeMetricsSink metrics, EdgeConfig config) {
        this.journal = journal;
        this.metrics = metrics;
        this.maxBytes = config.store().maxBytes();
        this.resumeBytes = (long) (maxBytes * config.store().resumeBelow());
    }

    void reportBudget(@Observes StartupEvent start) {
        metrics.storeBudget(maxBytes);
    }

    /** Called by the journal writer, under its lock, before an append: drops the oldest telemetry if over budget. */
    void makeRoom() {
        long used = journal.storedBytes();
        if (used < maxBytes) {
            return;
        }
        EmbeddedJournal.Dropped dropped;
        try {
            dropped = journal.dropOldestTelemetry(used - resumeBytes, JournalWriter.TAG_CLASS, TagClass.TELEMETRY.name());
        } catch (Exception e) {
            LOG.errorf(e, "Disk budget reached (%d of %d bytes) and dropping the oldest telemetry failed", used, maxBytes);
            return;
        }
        if (dropped.entries() > 0) {
            metrics.dropped(TagClass.TELEMETRY, dropped.entries());
            droppedEntries += dropped.entries();
            droppedBytes += dropped.bytes();
            LOG.warnf("Disk budget reached (%d of %d bytes): dropped the %d oldest telemetry entries (%d since start)",
                    used, maxBytes, dropped.entries(), droppedEntries);
        }
        // the queue's size counters follow a delete only once it is stored, so count what was just freed
        long remaining = used - dropped.bytes();
        if (remaining >= maxBytes && !full) {
            full = true;
            metrics.acquisitionPaused(true);
            LOG.errorf("Disk budget reached with entries that must not be dropped (%d of %d bytes): acquisition pauses "
                    + "until forwarding makes room", remaining, maxBytes);
        }
    }

    /** The acquisition routes' gate: false while the store is full of entries that must not be dropped. */
    public boolean acquisitionAllowed() {
        if (!full) {
            return true;
        }
        long used = journal.storedBytes();
        if (used >= 0 && used < resumeBytes) {
            full = false;
            metrics.acquisitionPaused(false);
            LOG.infof("Store below %d bytes again: acquisition resumes", resumeBytes);
            return true;
        }
        return false;
    }

    public boolean isFull() {
        return full;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long droppedEntries() {
        return droppedEntries;
    }

    public long droppedBytes() {
        return droppedBytes;
    }
}
