package io.millwright.edge.metrics;

import java.time.Instant;
import java.util.Optional;

/** How full the journal is right now; read on each scrape. */
public interface JournalLevels {

    /** Entries waiting to be forwarded, both lanes; -1 while the journal is not running. */
    long backlog();

    /** Bytes of the entries waiting to be forwarded; -1 while the journal is not running. */
    long storedBytes();

    /** When the oldest waiting entry was journaled; empty when none waits. */
    Optional<Instant> oldestEntry();

    /** Journal messages in the dead-letter queue; 0 while the journal is not running. */
    long deadLetters();
}
