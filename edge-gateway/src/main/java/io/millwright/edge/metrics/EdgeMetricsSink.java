package io.millwright.edge.metrics;

import io.millwright.edge.config.TagClass;

/**
 * Where the gateway's components report what they did and what state they are in, as it happens: the journal
 * writer, the forwarder, the disk budget, the connection supervisor. The implementation turns the reports into
 * meters; the components know nothing of meters, and the metrics know nothing of the components.
 */
public interface EdgeMetricsSink {

    /** After a committed append: {@code entries} of one connection are in the journal. */
    void acquired(String connectionId, int entries);

    /** After Kafka acknowledged {@code entries} read through one connection (just before the journal commit). */
    void forwarded(String connectionId, int entries);

    /** The disk budget deleted {@code entries} of this class. */
    void dropped(TagClass tagClass, long entries);

    /** {@code entries} that can never be forwarded moved to the journal's dead letters. */
    void deadLettered(long entries);

    /** Whether the last send to Kafka was acknowledged. */
    void cloudLinkUp(boolean up);

    /** Whether the connection's last read succeeded. */
    void plcConnectionUp(String connectionId, boolean up);

    /** The disk budget for waiting entries, in bytes. */
    void storeBudget(long maxBytes);

    /** Whether acquisition pauses because the store is full of entries that must not be dropped. */
    void acquisitionPaused(boolean paused);

    /**
     * The journal hands over how its levels are read. Queue sizes and heads change with every commit, also after
     * it (Artemis updates them once the commit is stored), so they are read when the metrics are, not copied.
     */
    void journalLevels(JournalLevels levels);
}
