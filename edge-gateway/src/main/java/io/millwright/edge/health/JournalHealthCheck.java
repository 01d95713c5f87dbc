package io.millwright.edge.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.millwright.edge.store.EmbeddedJournal;

/** Ready once the journal accepts writes; reports the forwarding backlog. */
@Readiness
@ApplicationScoped
public class JournalHealthCheck implements HealthCheck {

    private final EmbeddedJournal journal;

    JournalHealthCheck(EmbeddedJournal journal) {
        this.journal = journal;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("edge-journal")
                .status(journal.isActive())
                .withData("backlog", journal.backlog())
                .build();
    }
}
