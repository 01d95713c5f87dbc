package io.millwright.edge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.edge.config.ConnectionConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.edge.metrics.JournalLevels;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;

/**
 * The gateway's Prometheus metrics (E7), all tagged with the plant: the {@link EdgeMetricsSink} the components
 * report to. Counters count what was reported where the work happens (acquired after the journal commit, forwarded
 * after Kafka acknowledged the record); state gauges show the last state reported; the journal's levels are read
 * through the {@link JournalLevels} the journal handed over (the same numbers as {@code /q/health}).
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
public class EdgeMetrics implements EdgeMetricsSink {

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
    private final Map<TagClass, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Counter> acquired = new ConcurrentHashMap<>();
    private final Map<String, Counter> forwarded = new ConcurrentHashMap<>();
    private final Map<String, Boolean> plcUp = new ConcurrentHashMap<>();
    private volatile Counter deadLettered;
    private volatile boolean cloudLinkUp;
    private volatile long storeBudget;
    private volatile boolean acquisitionPaused;
    private volatile JournalLevels journal;

    public EdgeMetrics(MeterRegistry registry, PlantConfig plant) {
        this.registry = registry;
        this.plant = plant;
    }

    /** Every meter exists from start-up (at 0), so alerts and dashboards never see a missing series. */
    void register(@Observes StartupEvent start) {
        String plantId = plant.plantId();
        Gauge.builder(BACKLOG, this, m -> m.journalLevel(JournalLevels::backlog)).tag("plant", plantId)
                .description("Journal entries waiting to be forwarded to Kafka").register(registry);
        Gauge.builder(OLDEST_AGE, this, EdgeMetrics::oldestEntryAgeSeconds).tag("plant", plantId)
                .description("Age of the oldest journal entry waiting to be forwarded; 0 when none waits").register(registry);
        for (TagClass tagClass : TagClass.values()) {
            droppedCounter(tagClass);
        }
        Gauge.builder(STORE_BYTES, this, m -> m.journalLevel(JournalLevels::storedBytes)).tag("plant", plantId)
                .description("Bytes of journal entries waiting to be forwarded").register(registry);
        Gauge.builder(STORE_BUDGET, this, m -> m.storeBudget).tag("plant", plantId)
                .description("Disk budget for waiting entries").register(registry);
        Gauge.builder(ACQUISITION_PAUSED, this, m -> m.acquisitionPaused ? 1 : 0).tag("plant", plantId)
                .description("1 while the store is full of entries that must not be dropped and acquisition pauses").register(registry);
        Gauge.builder(CLOUD_LINK_UP, this, m -> m.cloudLinkUp ? 1 : 0).tag("plant", plantId)
                .description("1 while the last send to Kafka succeeded").register(registry);
        deadLetteredCounter();
        Gauge.builder(DEAD_LETTERS, this, m -> m.journal == null ? 0 : m.journal.deadLetters()).tag("plant", plantId)
                .description("Journal messages in the dead-letter queue, waiting for an operator to replay or discard them").register(registry);
        for (ConnectionConfig connection : plant.connections()) {
            String id = connection.id();
            acquiredCounter(id);
            forwardedCounter(id);
            Gauge.builder(PLC_UP, this, m -> m.plcUp.getOrDefault(id, false) ? 1 : 0).tag("plant", plantId).tag("connection", id)
                    .description("1 while the PLC connection reads, 0 when down or not read yet").register(registry);
        }
    }

    @Override
    public void acquired(String connectionId, int entries) {
        acquiredCounter(connectionId).increment(entries);
    }

    @Override
    public void forwarded(String connectionId, int entries) {
        forwardedCounter(connectionId).increment(entries);
    }

    @Override
    public void dropped(TagClass tagClass, long entries) {
        droppedCounter(tagClass).increment(entries);
    }

    @Override
    public void deadLettered(long entries) {
        deadLetteredCounter().increment(entries);
    }

    @Override
    public void cloudLinkUp(boolean up) {
        cloudLinkUp = up;
    }

    @Override
    public void plcConnectionUp(String connectionId, boolean up) {
        plcUp.put(connectionId, up);
    }

    @Override
    public void storeBudget(long maxBytes) {
        storeBudget = maxBytes;
    }

    @Override
    public void acquisitionPaused(boolean paused) {
        acquisitionPaused = paused;
    }

    @Override
    public void journalLevels(JournalLevels levels) {
        journal = levels;
    }

    public long deadLettered() {
        return (long) deadLetteredCounter().count();
    }

    public long dropped(TagClass tagClass) {
        return (long) droppedCounter(tagClass).count();
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
        JournalLevels levels = journal;
        return levels == null ? 0.0 : levels.oldestEntry()
                .map(oldest -> Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /** NaN while the journal is not running (or has not reported yet). */
    private double journalLevel(ToLongFunction<JournalLevels> level) {
        JournalLevels levels = journal;
        long value = levels == null ? -1 : level.applyAsLong(levels);
        return value < 0 ? Double.NaN : value;
    }

    private Counter acquiredCounter(String connectionId) {
        return acquired.computeIfAbsent(connectionId, id -> Counter.builder(ACQUIRED).tag("plant", plant.plantId())
                .tag("connection", id).description("Samples written to the journal").register(registry));
    }

    private Counter forwardedCounter(String connectionId) {
        return forwarded.computeIfAbsent(connectionId, id -> Counter.builder(FORWARDED).tag("plant", plant.plantId())
                .tag("connection", id).description("Journal entries acknowledged by Kafka").register(registry));
    }

    private Counter droppedCounter(TagClass tagClass) {
        return dropped.computeIfAbsent(tagClass, c -> Counter.builder(DROPPED).tag("plant", plant.plantId()).tag("class", c.name())
                .description("Journal entries dropped by the disk budget (oldest telemetry first; events never)").register(registry));
    }

    private Counter deadLetteredCounter() {
        Counter counter = deadLettered;
        if (counter == null) {
            // registering twice returns the same counter, so a race here is harmless
            counter = Counter.builder(DEAD_LETTERED).tag("plant", plant.plantId())
                    .description("Journal entries that could never be forwarded, moved to the journal's dead-letter queue").register(registry);
            deadLettered = counter;
        }
        return counter;
    }
}
