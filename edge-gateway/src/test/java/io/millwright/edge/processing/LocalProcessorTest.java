package io.millwright.edge.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.millwright.edge.acquisition.Reading;
import io.millwright.edge.config.TagClass;
import io.millwright.edge.config.TagConfig;
import io.millwright.edge.config.TagDataType;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.SourceSequenced;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.EventType;

class LocalProcessorTest {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    static final TagConfig PRESSURE = new TagConfig("p1.pressure", "plc", "holding-register:3", Duration.ofMillis(100),
            TagDataType.NUMBER, "BAR", BigDecimal.ZERO, "press-1", TagClass.TELEMETRY, null, null, Duration.ofSeconds(10), null, null);
    static final TagConfig STATE = new TagConfig("p1.state", "plc", "holding-register:1", Duration.ofMillis(100),
            TagDataType.NUMBER, "1", BigDecimal.ZERO, "press-1", TagClass.EVENT, null, null, null,
            Map.of("0", MachineState.IDLE, "1", MachineState.RUNNING, "2", MachineState.FAULT), null);
    static final TagConfig FAULT = new TagConfig("p1.fault", "plc", "holding-register:2", Duration.ofMillis(100),
            TagDataType.NUMBER, "1", BigDecimal.ZERO, "press-1", TagClass.EVENT, null, null, null, null,
            Map.of("17", new TagConfig.FaultCode("Hydraulic pressure low", AlertSeverity.CRITICAL)));
    static final TagConfig SPEED = new TagConfig("p1.speed", "plc", "holding-register:4", Duration.ofMillis(100),
            TagDataType.NUMBER, "1/min", BigDecimal.ZERO, "press-1", TagClass.TELEMETRY);

    final MutableClock clock = new MutableClock(T0);
    final LocalProcessor processor = new LocalProcessor("plant-1", clock);

    @Test
    void plainTelemetryIsOneDroppableSamplePerReading() {
        List<JournalEntry> entries = processor.process(List.of(SPEED), List.of(good(SPEED, "120", T0)));

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(EventType.EDGE_TELEMETRY_SAMPLED);
            assertThat(entry.sourceId()).isEqualTo("plant-1/plc");
            assertThat(entry.droppable()).isTrue();
            assertThat(entry.isMachineEvent()).isFalse();
            assertThat(((TelemetrySample) entry.payload().apply(7)).sequenceNumber()).isEqualTo(7);
        });
    }

    @Test
    void aggregatedTagFoldsGoodReadingsIntoAWindowThatClosesOnTimeEvenWithoutReadings() {
        assertThat(processor.process(List.of(PRESSURE), List.of(good(PRESSURE, "100", T0.plusSeconds(1))))).isEmpty();
        assertThat(processor.process(List.of(PRESSURE), List.of(good(PRESSURE, "130", T0.plusSeconds(4))))).isEmpty();
        assertThat(processor.process(List.of(PRESSURE), List.of(good(PRESSURE, "160", T0.plusSeconds(9))))).isEmpty();

        clock.set(T0.plusSeconds(10));
        List<JournalEntry> entries = processor.process(List.of(PRESSURE), List.of());

        TelemetryAggregate aggregate = (TelemetryAggregate) single(entries, EventType.EDGE_TELEMETRY_AGGREGATED).payload().apply(1);
        assertThat(aggregate.windowStart()).isEqualTo(T0);
        assertThat(aggregate.windowEnd()).isEqualTo(T0.plusSeconds(10));
        assertThat(aggregate.sampleCount()).isEqualTo(3);
        assertThat(aggregate.goodSampleCount()).isEqualTo(3);
        assertThat(aggregate.minimum()).isEqualTo(new Quantity(new BigDecimal("100"), "BAR"));
        assertThat(aggregate.maximum()).isEqualTo(new Quantity(new BigDecimal("160"), "BAR"));
        assertThat(aggregate.average().value()).isEqualByComparingTo("130");
        assertThat(aggregate.quality()).isEqualTo(SampleQuality.GOOD);
        assertThat(single(entries, EventType.EDGE_TELEMETRY_AGGREGATED).droppable()).isTrue();
        // closed once
        assertThat(processor.process(List.of(PRESSURE), List.of())).isEmpty();
    }

    @Test
    void aBadReadingIsForwardedRawAndMarksTheWindow() {
        processor.process(List.of(PRESSURE), List.of(good(PRESSURE, "100", T0.plusSeconds(1))));
        List<JournalEntry> bad = processor.process(List.of(PRESSURE),
                List.of(new Reading(PRESSURE, null, null, SampleQuality.BAD, "read failed", T0.plusSeconds(2))));
        assertThat(bad).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(EventType.EDGE_TELEMETRY_SAMPLED));

        // the next window's first reading closes this one
        List<JournalEntry> entries = processor.process(List.of(PRESSURE), List.of(good(PRESSURE, "90", T0.plusSeconds(11))));
        TelemetryAggregate aggregate = (TelemetryAggregate) single(entries, EventType.EDGE_TELEMETRY_AGGREGATED).payload().apply(1);
        assertThat(aggregate.sampleCount()).isEqualTo(2);
        assertThat(aggregate.goodSampleCount()).isEqualTo(1);
        assertThat(aggregate.quality()).isEqualTo(SampleQuality.BAD);
        assertThat(aggregate.average().value()).isEqualByComparingTo("100");
    }

    @Test
    void stateSignalAnnouncesChangesOnlyWithTheFaultCodeWhenFaulted() {
        List<JournalEntry> first = processor.process(List.of(STATE), List.of(good(STATE, "0", T0)));
        MachineStateChange idle = (MachineStateChange) single(first, EventType.EDGE_MACHINE_STATE_CHANGED).payload().apply(1);
        assertThat(idle.previousState()).isNull();
        assertThat(idle.state()).isEqualTo(MachineState.IDLE);
        assertThat(idle.sourceId()).isEqualTo("plant-1/assets/press-1");
        assertThat(single(first, EventType.EDGE_MACHINE_STATE_CHANGED).droppable()).isFalse();
        assertThat(single(first, EventType.EDGE_MACHINE_STATE_CHANGED).isMachineEvent()).isTrue();

        assertThat(machineEvents(processor.process(List.of(STATE), List.of(good(STATE, "0", T0.plusSeconds(1)))))).isEmpty();

        // fault code and FAULT state read in the same scan: the alert, then the state change carrying the code
        List<JournalEntry> fault = processor.process(List.of(STATE, FAULT),
                List.of(good(STATE, "2", T0.plusSeconds(2)), good(FAULT, "17", T0.plusSeconds(2))));
        List<JournalEntry> events = machineEvents(fault);
        assertThat(events).extracting(JournalEntry::type)
                .containsExactly(EventType.EDGE_MACHINE_ALERT_RAISED, EventType.EDGE_MACHINE_STATE_CHANGED);
        MachineAlert alert = (MachineAlert) events.get(0).payload().apply(2);
        assertThat(alert.faultCode()).isEqualTo("17");
        assertThat(alert.faultDescription()).isEqualTo("Hydraulic pressure low");
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.tag()).isEqualTo("p1.fault");
        MachineStateChange faulted = (MachineStateChange) events.get(1).payload().apply(3);
        assertThat(faulted.previousState()).isEqualTo(MachineState.IDLE);
        assertThat(faulted.state()).isEqualTo(MachineState.FAULT);
        assertThat(faulted.faultCode()).isEqualTo("17");
        assertThat(faulted.faultDescription()).isEqualTo("Hydraulic pressure low");
    }

    @Test
    void unmappedValuesAndUnreadableSignalsAreNeverIgnored() {
        processor.process(List.of(STATE), List.of(good(STATE, "1", T0)));
        MachineStateChange unmapped = (MachineStateChange) single(processor.process(List.of(STATE),
                List.of(good(STATE, "7", T0.plusSeconds(1)))), EventType.EDGE_MACHINE_STATE_CHANGED).payload().apply(2);
        assertThat(unmapped.state()).isEqualTo(MachineState.UNKNOWN);

        processor.process(List.of(STATE), List.of(good(STATE, "1", T0.plusSeconds(2))));
        MachineStateChange unreadable = (MachineStateChange) single(processor.process(List.of(STATE),
                List.of(new Reading(STATE, null, null, SampleQuality.STALE, "PLC unreachable", T0.plusSeconds(3)))),
                EventType.EDGE_MACHINE_STATE_CHANGED).payload().apply(4);
        assertThat(unreadable.previousState()).isEqualTo(MachineState.RUNNING);
        assertThat(unreadable.state()).isEqualTo(MachineState.UNKNOWN);

        MachineAlert unmappedCode = (MachineAlert) single(processor.process(List.of(FAULT), List.of(good(FAULT, "99", T0))),
                EventType.EDGE_MACHINE_ALERT_RAISED).payload().apply(5);
        assertThat(unmappedCode.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(unmappedCode.faultDescription()).contains("99").contains("not in the plant file");
    }

    @Test
    void aFaultCodeIsRaisedOncePerOccurrenceAndZeroClearsIt() {
        assertThat(machineEvents(processor.process(List.of(FAULT), List.of(good(FAULT, "17", T0))))).hasSize(1);
        assertThat(machineEvents(processor.process(List.of(FAULT), List.of(good(FAULT, "17", T0.plusSeconds(1)))))).isEmpty();
        MachineAlertCleared cleared = (MachineAlertCleared) single(processor.process(List.of(FAULT),
                List.of(good(FAULT, "0", T0.plusSeconds(2)))), EventType.EDGE_MACHINE_ALERT_CLEARED).payload().apply(3);
        assertThat(cleared.faultCode()).isEqualTo("17");
        assertThat(cleared.assetId()).isEqualTo("press-1");
        assertThat(cleared.clearedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(machineEvents(processor.process(List.of(FAULT), List.of(good(FAULT, "0", T0.plusSeconds(3)))))).isEmpty();
        assertThat(machineEvents(processor.process(List.of(FAULT), List.of(good(FAULT, "17", T0.plusSeconds(4)))))).hasSize(1);
    }

    @Test
    void aCodeReplacedByAnotherClearsBeforeTheNewOneIsRaised() {
        processor.process(List.of(FAULT), List.of(good(FAULT, "17", T0)));
        List<JournalEntry> replaced = machineEvents(processor.process(List.of(FAULT), List.of(good(FAULT, "99", T0.plusSeconds(1)))));
        assertThat(replaced).extracting(JournalEntry::type)
                .containsExactly(EventType.EDGE_MACHINE_ALERT_CLEARED, EventType.EDGE_MACHINE_ALERT_RAISED);
        assertThat(((MachineAlertCleared) replaced.get(0).payload().apply(2)).faultCode()).isEqualTo("17");
        assertThat(((MachineAlert) replaced.get(1).payload().apply(3)).faultCode()).isEqualTo("99");
    }

    @Test
    void eventClassSamplesAreNeverDroppable() {
        List<JournalEntry> entries = processor.process(List.of(STATE), List.of(good(STATE, "1", T0)));
        assertThat(single(entries, EventType.EDGE_TELEMETRY_SAMPLED).droppable()).isFalse();
    }

    private static Reading good(TagConfig tag, String value, Instant at) {
        return new Reading(tag, new Quantity(new BigDecimal(value), tag.unit()), null, SampleQuality.GOOD, null, at);
    }

    private static JournalEntry single(List<JournalEntry> entries, EventType type) {
        List<JournalEntry> matching = entries.stream().filter(e -> e.type() == type).toList();
        assertThat(matching).as(type + " entries in " + entries).hasSize(1);
        return matching.get(0);
    }

    private static List<JournalEntry> machineEvents(List<JournalEntry> entries) {
        List<JournalEntry> events = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.isMachineEvent()) {
                SourceSequenced payload = entry.payload().apply(1);
                assertThat(payload.sourceId()).startsWith("plant-1/assets/");
                events.add(entry);
            }
        }
        return events;
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
