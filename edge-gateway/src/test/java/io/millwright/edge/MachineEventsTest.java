package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineAlertCleared;
import io.millwright.model.edge.MachineState;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Local processing against a real Modbus TCP server: a press's state register and fault-code register become
 * machine state changes and alerts on {@code millwright.edge.events} (numbered per asset, gapless, in order), a
 * pressure register is forwarded as 1-second aggregates instead of raw samples, and a temperature outside its
 * configured range is forwarded as BAD with the reason.
 */
@QuarkusTest
@TestProfile(MachineEventsTest.Profile.class)
class MachineEventsTest {

    static final String ASSET_SOURCE = "plant-e2/assets/press-2";
    static final String TELEMETRY_SOURCE = "plant-e2/press-2";
    static final ModbusTcpTestServer PLC = new ModbusTcpTestServer(ModbusTcpTestServer.freePort());

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return writePlantFile("machine-events-" + PLC.port() + ".yaml", """
                    plant: plant-e2
                    connections:
                      - id: press-2
                        url: modbus-tcp://127.0.0.1:%d?unit-identifier=1
                        read-timeout: 1s
                        reconnect: {initial: 200ms, max: 1s}
                        tags:
                          - id: press2.state
                            address: holding-register:1
                            scan: 100ms
                            asset: press-2
                            states: {idle: 0, running: 1, fault: 2}
                          - id: press2.fault-code
                            address: holding-register:2
                            scan: 100ms
                            asset: press-2
                            faults:
                              17: {text: Hydraulic pressure low, severity: critical}
                          - id: press2.pressure
                            address: holding-register:3
                            scan: 100ms
                            unit: BAR
                            asset: press-2
                            aggregate: 1s
                          - id: press2.oil-temperature
                            address: holding-register:4
                            scan: 100ms
                            unit: CEL
                            asset: press-2
                            range: {min: -20, max: 150}
                    """.formatted(PLC.port()));
        }
    }

    @Inject
    CamelContext camel;

    @AfterAll
    static void stopPlc() {
        PLC.stop();
    }

    @Test
    void machineSignalsBecomeEventsAggregatesReplaceRawSamplesAndOutOfRangeIsBad() throws Exception {
        PLC.setRegister(0, 0);
        PLC.setRegister(1, 0);
        PLC.setRegister(2, 100);
        PLC.setRegister(3, 40);
        PLC.start();

        awaitEvent(EventType.EDGE_MACHINE_STATE_CHANGED, r -> stateChange(r).state() == MachineState.IDLE);

        PLC.setRegister(0, 1);
        awaitEvent(EventType.EDGE_MACHINE_STATE_CHANGED, r -> stateChange(r).state() == MachineState.RUNNING);

        // the fault code first, then the state: the FAULT state change names the code
        PLC.setRegister(1, 17);
        MachineAlert alert = DomainEvents.data(EdgeRecords.event(
                awaitEvent(EventType.EDGE_MACHINE_ALERT_RAISED, r -> true)), MachineAlert.class);
        assertThat(alert.faultCode()).isEqualTo("17");
        assertThat(alert.faultDescription()).isEqualTo("Hydraulic pressure low");
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        PLC.setRegister(0, 2);
        MachineStateChange fault = stateChange(awaitEvent(EventType.EDGE_MACHINE_STATE_CHANGED,
                r -> stateChange(r).state() == MachineState.FAULT));
        assertThat(fault.previousState()).isEqualTo(MachineState.RUNNING);
        assertThat(fault.faultCode()).isEqualTo("17");

        // a code nobody mapped is still raised
        PLC.setRegister(1, 99);
        MachineAlert unmapped = DomainEvents.data(EdgeRecords.event(awaitEvent(EventType.EDGE_MACHINE_ALERT_RAISED,
                r -> "99".equals(DomainEvents.data(EdgeRecords.event(r), MachineAlert.class).faultCode()))), MachineAlert.class);
        assertThat(unmapped.severity()).isEqualTo(AlertSeverity.WARNING);
        MachineAlertCleared cleared = DomainEvents.data(EdgeRecords.event(awaitEvent(EventType.EDGE_MACHINE_ALERT_CLEARED, r -> true)),
                MachineAlertCleared.class);
        assertThat(cleared.faultCode()).isEqualTo("17");

        // machine events: numbered per asset, gapless and in order on their own topic
        // (an UNKNOWN first, when the gateway read the PLC before the test started it)
        // the events topic is quiet now: read all of it
        List<ConsumerRecord<String, byte[]>> events = KafkaTestClient.readAll(Topics.EDGE_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> ASSET_SOURCE.equals(r.key())).toList();
        assertThat(events).extracting(r -> Long.parseLong(KafkaTestClient.header(r, "ce_sequence")))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        List<ConsumerRecord<String, byte[]>> afterStart = events.stream()
                .dropWhile(r -> isType(r, EventType.EDGE_MACHINE_STATE_CHANGED) && stateChange(r).state() == MachineState.UNKNOWN)
                .toList();
        assertThat(events.size() - afterStart.size()).isBetween(0, 1);
        assertThat(afterStart).extracting(r -> KafkaTestClient.header(r, "ce_type")).containsExactly(
                EventType.EDGE_MACHINE_STATE_CHANGED.type(), EventType.EDGE_MACHINE_STATE_CHANGED.type(),
                EventType.EDGE_MACHINE_ALERT_RAISED.type(), EventType.EDGE_MACHINE_STATE_CHANGED.type(),
                // 99 replaced 17: 17 clears before 99 is raised
                EventType.EDGE_MACHINE_ALERT_CLEARED.type(), EventType.EDGE_MACHINE_ALERT_RAISED.type());

        // pressure: aggregates with the values seen, never raw GOOD samples
        PLC.setRegister(2, 160);
        List<ConsumerRecord<String, byte[]>> aggregates = KafkaTestClient.await(Topics.EDGE_TELEMETRY,
                r -> TELEMETRY_SOURCE.equals(r.key()) && isType(r, EventType.EDGE_TELEMETRY_AGGREGATED)
                        && DomainEvents.data(EdgeRecords.event(r), TelemetryAggregate.class).maximum() != null
                        && DomainEvents.data(EdgeRecords.event(r), TelemetryAggregate.class).maximum().value().intValue() == 160,
                1, Duration.ofSeconds(30));
        TelemetryAggregate aggregate = DomainEvents.data(EdgeRecords.event(aggregates.get(aggregates.size() - 1)), TelemetryAggregate.class);
        assertThat(aggregate.tag()).isEqualTo("press2.pressure");
        assertThat(aggregate.goodSampleCount()).isBetween(1L, 11L);
        assertThat(aggregate.minimum().value().intValue()).isBetween(100, 160);
        assertThat(Duration.between(aggregate.windowStart(), aggregate.windowEnd())).isEqualTo(Duration.ofSeconds(1));

        // oil temperature beyond its range: BAD with the reason, then GOOD again
        PLC.setRegister(3, 180);
        TelemetrySample bad = EdgeRecords.sample(awaitTelemetry(r -> "press2.oil-temperature".equals(r.tag()) && r.quality() == SampleQuality.BAD
                && r.qualityReason().contains("outside")));
        assertThat(bad.qualityReason()).contains("180").contains("outside its range [-20, 150]");
        assertThat(bad.value()).isNull();
        PLC.setRegister(3, 45);
        awaitTelemetry(r -> "press2.oil-temperature".equals(r.tag()) && r.quality() == SampleQuality.GOOD && r.value().value().intValue() == 45);

        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith("edge-gateway.acquire.")) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
        assertThat(EdgeRecords.allTelemetry(TELEMETRY_SOURCE, Duration.ofSeconds(2)))
                .filteredOn(r -> isType(r, EventType.EDGE_TELEMETRY_SAMPLED))
                .extracting(EdgeRecords::sample)
                .noneMatch(s -> s.tag().equals("press2.pressure") && s.quality() == SampleQuality.GOOD);
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(EventType type, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = KafkaTestClient.await(Topics.EDGE_EVENTS,
                r -> ASSET_SOURCE.equals(r.key()) && isType(r, type) && match.test(r), 1, Duration.ofSeconds(30));
        return found.get(found.size() - 1);
    }

    private static ConsumerRecord<String, byte[]> awaitTelemetry(Predicate<TelemetrySample> match) {
        List<ConsumerRecord<String, byte[]>> found = KafkaTestClient.await(Topics.EDGE_TELEMETRY,
                r -> TELEMETRY_SOURCE.equals(r.key()) && isType(r, EventType.EDGE_TELEMETRY_SAMPLED) && match.test(EdgeRecords.sample(r)),
                1, Duration.ofSeconds(30));
        return found.get(found.size() - 1);
    }

    private static boolean isType(ConsumerRecord<String, byte[]> record, EventType type) {
        return type.type().equals(KafkaTestClient.header(record, "ce_type"));
    }

    private static MachineStateChange stateChange(ConsumerRecord<String, byte[]> record) {
        return DomainEvents.data(EdgeRecords.event(record), MachineStateChange.class);
    }
}
