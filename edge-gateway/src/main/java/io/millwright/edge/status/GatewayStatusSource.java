package io.millwright.edge.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.forward.CloudLinkState;
import io.millwright.edge.forward.KafkaForwarder;
import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.StoreBudget;

/** The gateway's state as the status page and {@code /api/v1/status} show it: connections, journal, cloud link. */
@ApplicationScoped
public class GatewayStatusSource {

    private final PlantConfig plant;
    private final ConnectionSupervisor supervisor;
    private final EmbeddedJournal journal;
    private final EdgeMetrics metrics;
    private final StoreBudget budget;
    private final KafkaForwarder forwarder;
    private final DeadLetterQueue deadLetters;

    GatewayStatusSource(PlantConfig plant, ConnectionSupervisor supervisor, EmbeddedJournal journal, EdgeMetrics metrics,
            StoreBudget budget, KafkaForwarder forwarder, DeadLetterQueue deadLetters) {
        this.plant = plant;
        this.supervisor = supervisor;
        this.journal = journal;
        this.metrics = metrics;
        this.budget = budget;
        this.forwarder = forwarder;
        this.deadLetters = deadLetters;
    }

    /** Everything the page shows, as of now. */
    public GatewayStatus snapshot() {
        Map<String, ConnectionHealth> health = supervisor.health();
        List<GatewayStatus.Connection> connections = new ArrayList<>();
        for (ConnectionConfig connection : plant.connections()) {
            ConnectionHealth h = health.get(connection.id());
            connections.add(new GatewayStatus.Connection(connection.id(), StatusPage.withoutCredentials(connection.url()),
                    connection.security() == null ? null : connection.security().summary(), h == null ? "UNKNOWN" : h.status().name(),
                    h == null ? 0 : h.consecutiveFailures(), h == null ? null : h.lastError(), h == null ? null : h.lastSuccess(),
                    h == null ? null : h.nextAttempt(), metrics.acquiredBy(connection.id()), metrics.forwardedBy(connection.id())));
        }
        long backlog = journal.backlog();
        GatewayStatus.Journal store = new GatewayStatus.Journal(journal.isActive(), backlog < 0 ? null : backlog, metrics.oldestEntryAgeSeconds(),
                metrics.acquiredTotal(), metrics.forwardedTotal(), journal.waitingEntries(EmbeddedJournal.EVENTS), journal.storedBytes(),
                budget.maxBytes(), budget.isFull(), metrics.droppedTotal());
        CloudLinkState link = forwarder.link();
        return new GatewayStatus(plant.plantId(), Instant.now().truncatedTo(ChronoUnit.SECONDS), connections, store,
                new GatewayStatus.CloudLink(link.up(), link.lastSuccess(), link.lastError()), deadLetters.count());
    }
}
