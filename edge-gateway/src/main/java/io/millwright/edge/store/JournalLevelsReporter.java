package io.millwright.edge.store;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.edge.metrics.JournalLevels;
import io.quarkus.runtime.StartupEvent;

/** Hands the journal's levels (backlog, bytes waiting, oldest entry, dead letters) to the metrics at start-up. */
@ApplicationScoped
public class JournalLevelsReporter implements JournalLevels {

    private final EmbeddedJournal journal;
    private final DeadLetterQueue deadLetters;

    JournalLevelsReporter(EmbeddedJournal journal, DeadLetterQueue deadLetters) {
        this.journal = journal;
        this.deadLetters = deadLetters;
    }

    void report(@Observes StartupEvent start, EdgeMetricsSink metrics) {
        metrics.journalLevels(this);
    }

    @Override
    public long backlog() {
        return journal.backlog();
    }

    @Override
    public long storedBytes() {
        return journal.storedBytes();
    }

    @Override
    public Optional<Instant> oldestEntry() {
        return journal.oldestEntry();
    }

    @Override
    public long deadLetters() {
        return deadLetters.count();
    }
}
