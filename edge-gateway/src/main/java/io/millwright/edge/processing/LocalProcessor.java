package io.millwright.edge.processing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.millwright.edge.acquisition.Reading;
import io.millwright.edge.acquisition.ScanGroup;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.config.TagConfig;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.EventType;
import io.quarkus.arc.Unremovable;

/**
 * Local processing (E2) between acquisition and the journal: readings become journal entries.
 *
 * <ul>
 * <li>Plain tags: one {@code edge.telemetry.sampled} per reading (deadband and change-only were applied by the
 * assembler).</li>
 * <li>Aggregated tags ({@code aggregate: 60s}): GOOD readings fold into a window aligned to the epoch; when the
 * window has ended one {@code edge.telemetry.aggregated} carries min/max/avg and counts. Non-GOOD readings are
 * still forwarded raw (a quality change is news) and count in the window.</li>
 * <li>State signals ({@code states:}): a value mapped to another machine state than the asset's current one gives
 * {@code edge.machine-state.changed}; an unmapped value or an unreadable signal means UNKNOWN.</li>
 * <li>Fault-code signals ({@code faults:}): a new non-zero code gives {@code edge.machine-alert.raised} with the
 * configured text and severity (an unmapped code is raised as WARNING, never ignored); 0 clears the fault with
 * {@code edge.machine-alert.cleared}, and a code replaced by another clears before the new one is raised. A FAULT
 * state change carries the asset's current fault code.</li>
 * </ul>
 * Machine events are numbered per asset ({@code <plant>/assets/<asset>}), telemetry per connection, so each
 * stream's sequence numbers are gapless on its own topic.
 */
@Unremovable
@ApplicationScoped
public class LocalProcessor {

    private static final MathContext AVERAGE = MathContext.DECIMAL64;

    private final String plantId;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, AssetState> assets = new ConcurrentHashMap<>();

    @Inject
    LocalProcessor(PlantConfig plant) {
        this(plant.plantId(), Clock.systemUTC());
    }

    LocalProcessor(String plantId, Clock clock) {
        this.plantId = plantId;
        this.clock = clock;
    }

    public static String telemetrySource(String plantId, String connectionId) {
        return plantId + "/" + connectionId;
    }

    public static String assetSource(String plantId, String assetId) {
        return plantId + "/assets/" + assetId;
    }

    /** The acquisition route's step after the assembler. */
    public List<JournalEntry> process(@ExchangeProperty(ScanGroup.PROPERTY) ScanGroup group, @Body List<Reading> readings) {
        return process(group.tags(), readings);
    }

    /**
     * @param groupTags every tag of the scan group, so windows of tags that produced no reading this time still
     *                  close on time
     */
    public List<JournalEntry> process(List<TagConfig> groupTags, List<Reading> readings) {
        Instant now = clock.instant();
        List<JournalEntry> entries = new ArrayList<>();
        List<Reading> ordered = new ArrayList<>(readings == null ? List.of() : readings);
        // a fault code read in the same scan as the state must be known when the FAULT state is announced
        ordered.sort(Comparator.comparing((Reading r) -> !r.tag().isFaultSignal()));
        for (Reading reading : ordered) {
            TagConfig tag = reading.tag();
            if (tag.aggregate() != null) {
                fold(tag, reading, entries);
                if (reading.quality() != SampleQuality.GOOD) {
                    entries.add(sample(reading));
                }
            } else {
                entries.add(sample(reading));
            }
            if (tag.isFaultSignal()) {
                fault(tag, reading, entries);
            }
            if (tag.isStateSignal()) {
                state(tag, reading, entries);
            }
        }
        for (TagConfig tag : groupTags) {
            if (tag.aggregate() != null) {
                Window window = windows.get(tag.id());
                if (window != null && !now.isBefore(window.end)) {
                    windows.remove(tag.id());
                    window.close(entries);
                }
            }
        }
        return entries;
    }

    private JournalEntry sample(Reading reading) {
        TagConfig tag = reading.tag();
        String source = telemetrySource(plantId, tag.connectionId());
        return new JournalEntry(EventType.EDGE_TELEMETRY_SAMPLED, source, tag.connectionId(), tag.tagClass() == TagClass.TELEMETRY,
                seq -> new TelemetrySample(plantId, source, seq, tag.assetId(), tag.id(), reading.value(), reading.textValue(),
                        reading.quality(), reading.reason(), reading.sampledAt()));
    }

    private void fold(TagConfig tag, Reading reading, List<JournalEntry> entries) {
        long windowMillis = tag.aggregate().toMillis();
        long startMillis = Math.floorDiv(reading.sampledAt().toEpochMilli(), windowMillis) * windowMillis;
        Window window = windows.get(tag.id());
        if (window != null && !window.start.equals(Instant.ofEpochMilli(startMillis))) {
            windows.remove(tag.id());
            window.close(entries);
            window = null;
        }
        if (window == null) {
            window = new Window(tag, Instant.ofEpochMilli(startMillis), Instant.ofEpochMilli(startMillis).plus(Duration.ofMillis(windowMillis)));
            windows.put(tag.id(), window);
        }
        window.add(reading);
    }

    private void state(TagConfig tag, Reading reading, List<JournalEntry> entries) {
        MachineState state = reading.quality() == SampleQuality.GOOD
                ? tag.states().getOrDefault(TagConfig.valueKey(reading.value() != null ? reading.value().value() : reading.textValue()),
                        MachineState.UNKNOWN)
                : MachineState.UNKNOWN;
        AssetState asset = assets.computeIfAbsent(tag.assetId(), id -> new AssetState());
        MachineState previous;
        String faultCode;
        TagConfig.FaultCode fault;
        synchronized (asset) {
            if (asset.state == state) {
                return;
            }
            previous = asset.state;
            asset.state = state;
            faultCode = state == MachineState.FAULT ? asset.faultCode : null;
            fault = state == MachineState.FAULT ? asset.fault : null;
        }
        String source = assetSource(plantId, tag.assetId());
        Instant at = reading.sampledAt();
        String description = fault != null ? fault.description() : faultCode != null ? unmapped(faultCode) : null;
        entries.add(new JournalEntry(EventType.EDGE_MACHINE_STATE_CHANGED, source, tag.connectionId(), false,
                seq -> new MachineStateChange(plantId, source, seq, tag.assetId(), previous, state, faultCode, description, at)));
    }

    private void fault(TagConfig tag, Reading reading, List<JournalEntry> entries) {
        if (reading.quality() != SampleQuality.GOOD) {
            return; // the asset's state signal reports an unreadable machine; the last code stays current
        }
        String code = TagConfig.valueKey(reading.value() != null ? reading.value().value() : reading.textValue());
        boolean cleared = code.isEmpty() || code.equals("0");
        AssetState asset = assets.computeIfAbsent(tag.assetId(), id -> new AssetState());
        TagConfig.FaultCode meaning = tag.faults().get(code);
        String previous;
        synchronized (asset) {
            previous = asset.faultCode;
            asset.faultCode = cleared ? null : code;
            asset.fault = cleared ? null : meaning;
            if (cleared ? previous == null : code.equals(previous)) {
                return;
            }
        }
        String source = assetSource(plantId, tag.assetId());
        Instant at = reading.sampledAt();
        if (previous != null) {
            // the code that was signalled is no longer: its alert clears (before a replacing code is raised)
            entries.add(new JournalEntry(EventType.EDGE_MACHINE_ALERT_CLEARED, source, tag.connectionId(), false,
                    seq -> new MachineAlertCleared(plantId, source, seq, tag.assetId(), previous, tag.id(), at)));
        }
        if (cleared) {
            return;
        }
        String description = meaning != null ? meaning.description() : unmapped(code);
        AlertSeverity severity = meaning != null ? meaning.severity() : AlertSeverity.WARNING;
        Quantity value = reading.value();
        entries.add(new JournalEntry(EventType.EDGE_MACHINE_ALERT_RAISED, source, tag.connectionId(), false,
                seq -> new MachineAlert(plantId, source, seq, tag.assetId(), code, description, severity, tag.id(), value, at)));
    }

    private static String unmapped(String code) {
        return "fault code " + code + " is not in the plant file";
    }

    private final class Window {
        final TagConfig tag;
        final Instant start;
        final Instant end;
        long count;
        long good;
        BigDecimal min;
        BigDecimal max;
        BigDecimal sum = BigDecimal.ZERO;
        SampleQuality worst = SampleQuality.GOOD;

        Window(TagConfig tag, Instant start, Instant end) {
            this.tag = tag;
            this.start = start;
            this.end = end;
        }

        void add(Reading reading) {
            count++;
            if (reading.quality() == SampleQuality.GOOD && reading.value() != null) {
                BigDecimal value = reading.value().value();
                good++;
                min = min == null || value.compareTo(min) < 0 ? value : min;
                max = max == null || value.compareTo(max) > 0 ? value : max;
                sum = sum.add(value);
            } else if (worst == SampleQuality.GOOD || reading.quality() == SampleQuality.BAD) {
                worst = reading.quality();
            }
        }

        void close(List<JournalEntry> entries) {
            String unit = tag.unit();
            Quantity minimum = min == null ? null : new Quantity(min, unit);
            Quantity maximum = max == null ? null : new Quantity(max, unit);
            Quantity average = good == 0 ? null : new Quantity(sum.divide(BigDecimal.valueOf(good), AVERAGE), unit);
            SampleQuality quality = good == 0 ? SampleQuality.BAD : worst;
            String source = telemetrySource(plantId, tag.connectionId());
            long sampleCount = count;
            long goodCount = good;
            entries.add(new JournalEntry(EventType.EDGE_TELEMETRY_AGGREGATED, source, tag.connectionId(), true,
                    seq -> new TelemetryAggregate(plantId, source, seq, tag.assetId(), tag.id(), start, end, sampleCount,
                            goodCount, minimum, maximum, average, quality)));
        }
    }

    private static final class AssetState {
        MachineState state;
        String faultCode;
        TagConfig.FaultCode fault;
    }
}
