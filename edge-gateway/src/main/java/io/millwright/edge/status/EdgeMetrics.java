package io.millwright.edge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.forward.KafkaForwarder;
import io.millwright.edge.store.DeadLetterQueue;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.StoreBudget;
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
 * <li>{@value #DROPPED}: entries dropped by the disk budget, per tag class (EVENT stays 0 by design)</li>
 * <li>{@value #STORE_BYTES}, {@value #STORE_BUDGET}: bytes waiting in the journal and the budget;
 * {@value #ACQUISITION_PAUSED}: 1 while the store is full of entries that must not be dropped</li>
 * <li>{@value #CLOUD_LINK_UP}: 1 while the last send to Kafka succeeded; {@value #DEAD_LETTERED}: entries that
 * could never be forwarded; {@value #DEAD_LETTERS}: journal messages in the dead-letter queue now</li>
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
    public static final String STORE_BYTES = "millwright.edge.store.bytes";
    public static final String STORE_BUDGET = "millwright.edge.store.budget.bytes";
    public static final String ACQUISITION_PAUSED = "millwright.edge.acquisition.paused";
    public static final String CLOUD_LINK_UP = "millwright.edge.cloud.link.up";
    public static final String DEAD_LETTERED = "millwright.edge.dead.lettered";
    public static final String DEAD_LETTERS = "millwright.edge.dead.letters";

    private final MeterRegistry registry;
    private final PlantConfig plant;
    private final EmbeddedJournal journal;
    private final ConnectionSupervisor supervisor;
    private final StoreBudget budget;
    private final KafkaForwarder forwarder;
    private final DeadLetterQueue deadLetters;
    private final Map<TagClass, Counter> dropped = new ConcurrentHashMap<>();
    private Counter deadLettered;
    private final Map<String, Counter> acquired = new ConcurrentHashMap<>();
    private final Map<String, Counter> forwarded = new ConcurrentHashMap<>();

    EdgeMetrics(MeterRegistry registry, PlantConfig plant, EmbeddedJournal journal, ConnectionSupervisor supervisor,
            StoreBudget budget, KafkaForwarder forwarder, DeadLetterQueue deadLetters) {
        this.registry = registry;
        this.plant = plant;
        this.journal = journal;
        this.supervisor = supervisor;
        this.budget = budget;
        this.forwarder = forwarder;
        this.deadLetters = deadLetters;
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
            dropped.put(tagClass, Counter.builder(DROPPED).tag("plant", plantId).tag("class", tagClass.name())
                    .description("Journal entries dropped by the disk budget (oldest telemetry first; events never)").register(registry));
        }
        Gauge.builder(STORE_BYTES, journal, j -> {
            long bytes = j.storedBytes();
            return bytes < 0 ? Double.NaN : bytes;
        }).tag("plant", plantId).description("Bytes of journal entries waiting to be forwarded").register(registry);
        Gauge.builder(STORE_BUDGET, budget, StoreBudget::maxBytes).tag("plant", plantId)
                .description("Disk budget for waiting entries").register(registry);
        Gauge.builder(ACQUISITION_PAUSED, budget, b -> b.isFull() ? 1 : 0).tag("plant", plantId)
                .description("1 while the store is full of entries that must not be dropped and acquisition pauses").register(registry);
        Gauge.builder(CLOUD_LINK_UP, forwarder, f -> f.link().up() ? 1 : 0).tag("plant", plantId)
                .description("1 while the last send to Kafka succeeded").register(registry);
        deadLettered = Counter.builder(DEAD_LETTERED).tag("plant", plantId)
                .description("Journal entries that could never be forwarded, moved to the journal's dead-letter queue").register(registry);
        Gauge.builder(DEAD_LETTERS, deadLetters, DeadLetterQueue::count).tag("plant", plantId)
                .description("Journal messages in the dead-letter queue, waiting for an operator to replay or discard them").register(registry);
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

    /** The forwarder, after Kafka acknowledged {@code count} entries read through this connection. */
    public void recordForwarded(String connectionId, int count) {
        forwardedCounter(connectionId).increment(count);
    }

    public void recordDropped(TagClass tagClass, long count) {
        dropped.get(tagClass).increment(count);
    }

    /** The forwarder, after moving a journal message of {@code entries} entries to the dead-letter queue. */
    public void recordDeadLettered(long entries) {
        deadLettered.increment(entries);
    }

    public long deadLettered() {
        return (long) deadLettered.count();
    }

    public long dropped(TagClass tagClass) {
        return (long) dropped.get(tagClass).count();
    }

    public long droppedTotal() {
        return (long) dropped.values().stream().mapToDouble(Counter::count).sum();
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
}
