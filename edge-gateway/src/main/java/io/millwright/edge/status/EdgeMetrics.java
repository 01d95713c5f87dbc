package io.millwright.edge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.ExchangeProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;

/**
 * The gateway's Prometheus metrics (E7), all tagged with the plant. Gauges read what the journal and the
 * connection supervisor already track (the same numbers as {@code /q/health}); the counters are counted where the
 * work happens: {@link JournalWriter#append} (acquired, after the commit) and the forward route (forwarded, after
 * Kafka acknowledged the record).
 *
 * <ul>
 * <li>{@value #BACKLOG}: journal entries not yet acknowledged by Kafka (NaN while the journal is not running)</li>
 * <li>{@value #OLDEST_AGE}: age of the oldest of them, 0 when the journal is empty</li>
 * <li>{@value #ACQUIRED}, {@value #FORWARDED}: samples journaled / acknowledged by Kafka, per connection</li>
 * <li>{@value #DROPPED}: samples dropped, per tag class; always 0 until a disk-bound drop policy exists (E4)</li>
 * <li>{@value #PLC_UP}: 1 while the connection's last read succeeded, 0 when down or not yet read</li>
 * </ul>
 */
@Unremovable
@ApplicationScoped
public class EdgeMetrics {

    public static final String BACKLOG = "millwright.edge.backlog";
    public static final String OLDEST_AGE = "millwright.edge.oldest.message.age.seconds";
    public static final String ACQUIRED = "millwright.edge.acquired";
    public static final String FORWARDED = "millwright.edge.forwarded";
    public static final String DROPPED = "millwright.edge.dropped";
    public static final String PLC_UP = "millwright.edge.plc.up";
    /** Exchange property of the forward route holding the entry's source ({@code <plant>/<connection>}). */
    public static final String SOURCE_PROPERTY = "mwSource";

    private final MeterRegistry registry;
    private final PlantConfig plant;
    private final EmbeddedJournal journal;
    private final ConnectionSupervisor supervisor;
    private final Map<String, Counter> acquired = new ConcurrentHashMap<>();
    private final Map<String, Counter> forwarded = new ConcurrentHashMap<>();

    EdgeMetrics(MeterRegistry registry, PlantConfig plant, EmbeddedJournal journal, ConnectionSupervisor supervisor) {
        this.registry = registry;
        this.plant = plant;
        this.journal = journal;
        this.supervisor = supervisor;
    }

    /** Every meter exists from start-up (at 0), so alerts and dashboards never see a missing series. */
    void register(@Observes StartupEvent start) {
        String plantId = plant.plantId();
        Gauge.builder(BACKLOG, journal, j -> {
            long backlog = j.backlog();
            return backlog < 0 ? Double.NaN : backlog;
        }).tag("plant", plantId).description("Journal entries waiting to be forwarded to Kafka").register(registry);
        Gauge.builder(OLDEST_AGE, this, EdgeMetrics::oldestEntryAgeSeconds).tag("plant", plantId)
                .description("Age of the oldest journal entry waiting to be forwarded; 0 when none waits").register(registry);
        for (TagClass tagClass : TagClass.values()) {
            Counter.builder(DROPPED).tag("plant", plantId).tag("class", tagClass.name())
                    .description("Samples dropped before forwarding (no drop policy yet: always 0)").register(registry);
        }
        for (ConnectionConfig connection : plant.connections()) {
            String id = connection.id();
            acquiredCounter(id);
            forwardedCounter(id);
            Gauge.builder(PLC_UP, supervisor, s -> up(s, id)).tag("plant", plantId).tag("connection", id)
                    .description("1 while the PLC connection reads, 0 when down or not read yet").register(registry);
        }
    }

    /** Called by the journal writer after a committed append of {@code count} samples of one connection. */
    public void recordAcquired(String connectionId, int count) {
        acquiredCounter(connectionId).increment(count);
    }

    /** The forward route's last step: Kafka acknowledged the entry of this source ({@code <plant>/<connection>}). */
    public void recordForwarded(@ExchangeProperty(SOURCE_PROPERTY) String source) {
        forwardedCounter(connectionOf(source)).increment();
    }

    public long acquiredTotal() {
        return (long) acquired.values().stream().mapToDouble(Counter::count).sum();
    }

    public long forwardedTotal() {
        return (long) forwarded.values().stream().mapToDouble(Counter::count).sum();
    }

    public long acquiredBy(String connectionId) {
        Counter counter = acquired.get(connectionId);
        return counter == null ? 0 : (long) counter.count();
    }

    public long forwardedBy(String connectionId) {
        Counter counter = forwarded.get(connectionId);
        return counter == null ? 0 : (long) counter.count();
    }

    /** Seconds since the oldest waiting entry was journaled; 0 when none waits. */
    public double oldestEntryAgeSeconds() {
        return journal.oldestEntry()
                .map(oldest -> Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    private static double up(ConnectionSupervisor supervisor, String connectionId) {
        ConnectionHealth health = supervisor.health().get(connectionId);
        return health != null && health.status() == ConnectionStatus.UP ? 1 : 0;
    }

    private Counter acquiredCounter(String connectionId) {
        return acquired.computeIfAbsent(connectionId, id -> Counter.builder(ACQUIRED).tag("plant", plant.plantId())
                .tag("connection", id).description("Samples written to the journal").register(registry));
    }

    private Counter forwardedCounter(String connectionId) {
        return forwarded.computeIfAbsent(connectionId, id -> Counter.builder(FORWARDED).tag("plant", plant.plantId())
                .tag("connection", id).description("Journal entries acknowledged by Kafka").register(registry));
    }

    /** Entries journaled under an earlier plant file may name another plant; the connection is after the last '/'. */
    private static String connectionOf(String source) {
        if (source == null) {
            return "unknown";
        }
        int slash = source.lastIndexOf('/');
        return slash < 0 ? source : source.substring(slash + 1);
    }
}
