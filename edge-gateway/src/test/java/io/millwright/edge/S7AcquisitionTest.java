package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionHealth;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.edge.plc.S7TestServer;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A real S7comm server (an S7-1200 on rack 0, slot 1, written in test code) read through camel-plc4x's S7 driver:
 * a BOOL, an INT, a REAL and a DINT of DB1 are BAD while the CPU is off at gateway start, GOOD with the CPU's values
 * once it is on, follow a change, are STALE once with their last good values when it loses power and GOOD again
 * when it returns. A tag in a DB the CPU does not hold is BAD with the CPU's answer, in its own scan group, without
 * touching the others.
 */
@QuarkusTest
@TestProfile(S7AcquisitionTest.Profile.class)
class S7AcquisitionTest {

    static final String SOURCE = "plant-s7/filler-1";
    static final String RUNNING = "filler1.running";
    static final String FAULT_CODE = "filler1.fault-code";
    static final String TEMPERATURE = "filler1.temperature";
    static final String BOTTLES = "filler1.bottle-count";
    static final String NOT_IN_PLC = "filler1.capper-torque";
    static final String WRONG_SLOT = "capper1.fault-code";
    static final String CPU_REFUSED = "read failed: cannot connect: the CPU did not accept a connection (switched off or"
            + " unreachable, not listening on that port, or no CPU at that remote-rack/remote-slot)";
    static final List<String> DB1_TAGS = List.of(RUNNING, FAULT_CODE, TEMPERATURE, BOTTLES);
    static final S7TestServer PLC = new S7TestServer(ModbusTcpTestServer.freePort());

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return writePlantFile("s7-" + PLC.port() + ".yaml", """
                    plant: plant-s7
                    connections:
                      - id: filler-1
                        url: s7://127.0.0.1:%d?remote-rack=0&remote-slot=1&controller-type=S7_1200
                        read-timeout: 1s
                        reconnect:
                          initial: 200ms
                          max: 1s
                        tags:
                          - { id: %s, address: "%%DB1.DBX0.0:BOOL", scan: 200ms, type: boolean, asset: filler-1 }
                          - { id: %s, address: "%%DB1.DBW2:INT", scan: 200ms, asset: filler-1 }
                          - { id: %s, address: "%%DB1.DBD4:REAL", scan: 200ms, unit: CEL, asset: filler-1 }
                          - { id: %s, address: "%%DB1.DBD8:DINT", scan: 200ms, unit: EA, asset: filler-1 }
                          - { id: %s, address: "%%DB99.DBW0:INT", scan: 300ms, unit: NM, asset: filler-1 }
                      # the same CPU with a slot it does not have: it refuses the connection
                      - id: capper-1
                        url: s7://127.0.0.1:%d?remote-rack=0&remote-slot=3&controller-type=S7_1200
                        connect-timeout: 2s
                        read-timeout: 1s
                        reconnect:
                          initial: 200ms
                          max: 1s
                        tags:
                          - { id: %s, address: "%%DB1.DBW2:INT", scan: 200ms, asset: capper-1 }
                    """.formatted(PLC.port(), RUNNING, FAULT_CODE, TEMPERATURE, BOTTLES, NOT_IN_PLC, PLC.port(), WRONG_SLOT));
        }
    }

    @Inject
    ConnectionSupervisor supervisor;

    @AfterAll
    static void stopPlc() {
        PLC.stop();
    }

    @Test
    void s7DataBlockTagsAreReadGoodFlaggedStaleWhileTheCpuIsOffAndResume() {
        // 1. CPU off at gateway start: every tag BAD without a value, the connection DOWN
        for (String tag : DB1_TAGS) {
            TelemetrySample bad = awaitLatest(tag, s -> s.quality() == SampleQuality.BAD);
            assertThat(bad.value()).as(tag).isNull();
            assertThat(bad.qualityReason()).as(tag).isEqualTo(CPU_REFUSED);
        }
        assertThat(supervisor.health().get("filler-1").status()).isEqualTo(ConnectionStatus.DOWN);

        // 2. CPU on: the DB's values arrive GOOD, converted and with their units
        PLC.addDataBlock(1, 16).setBool(0, 0, true).setInt(2, 17).setReal(4, 23.7f).setDInt(8, 123_456);
        PLC.start();
        awaitLatest(RUNNING, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 1);
        awaitLatest(FAULT_CODE, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 17);
        TelemetrySample temperature = awaitLatest(TEMPERATURE, s -> s.quality() == SampleQuality.GOOD);
        // a REAL is single precision: 23.7f is forwarded as 23.7, not as the double 23.700000762939453
        assertThat(temperature.value().value()).isEqualByComparingTo("23.7");
        assertThat(temperature.value().unitOfMeasure()).isEqualTo("CEL");
        assertThat(temperature.assetId()).isEqualTo("filler-1");
        TelemetrySample bottles = awaitLatest(BOTTLES, s -> s.quality() == SampleQuality.GOOD);
        assertThat(bottles.value().value()).isEqualByComparingTo("123456");
        assertThat(bottles.value().unitOfMeasure()).isEqualTo("EA");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("filler-1").status() == ConnectionStatus.UP);

        // the DB the CPU does not hold: BAD with the CPU's answer, while DB1 is read in the other scan group
        TelemetrySample missing = awaitLatest(NOT_IN_PLC, s -> s.quality() == SampleQuality.BAD && s.qualityReason().contains("answered"));
        assertThat(missing.value()).isNull();
        assertThat(missing.qualityReason()).isEqualTo("PLC answered INVALID_ADDRESS for address %DB99.DBW0:INT");

        // a connection to a slot the CPU does not have ends with a reason instead of waiting for ever, and the
        // gateway keeps reading the good connection
        TelemetrySample refused = await().atMost(Duration.ofSeconds(30)).until(
                () -> EdgeRecords.samples("plant-s7/capper-1"),
                samples -> samples.stream().anyMatch(x -> x.quality() == SampleQuality.BAD)).get(0);
        assertThat(refused.tag()).isEqualTo(WRONG_SLOT);
        assertThat(refused.value()).isNull();
        ConnectionHealth capper = await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.health().get("capper-1"),
                h -> h.status() == ConnectionStatus.DOWN && h.lastError() != null);
        assertThat(refused.qualityReason()).isEqualTo(CPU_REFUSED);
        assertThat(capper.lastError()).isEqualTo(CPU_REFUSED);
        assertThat(supervisor.health().get("filler-1").status()).isEqualTo(ConnectionStatus.UP);

        // 3. values change in the CPU: the new values are read
        PLC.dataBlock(1).setBool(0, 0, false).setInt(2, 23).setReal(4, -4.25f).setDInt(8, 123_457);
        awaitLatest(RUNNING, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 0);
        awaitLatest(FAULT_CODE, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 23);
        awaitLatest(TEMPERATURE, s -> s.quality() == SampleQuality.GOOD && s.value().value().compareTo(new BigDecimal("-4.25")) == 0);
        awaitLatest(BOTTLES, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 123_457);

        // 4. CPU loses power: each DB1 tag STALE once with its last good value, the connection DOWN
        PLC.stop();
        for (String tag : DB1_TAGS) {
            TelemetrySample stale = awaitLatest(tag, s -> s.quality() == SampleQuality.STALE);
            assertThat(stale.qualityReason()).as(tag).contains("last good value from");
        }
        assertThat(latest(FAULT_CODE).value().value()).isEqualByComparingTo("23");
        assertThat(latest(TEMPERATURE).value().value()).isEqualByComparingTo("-4.25");
        assertThat(latest(BOTTLES).value().value()).isEqualByComparingTo("123457");
        assertThat(latest(RUNNING).value().value()).isEqualByComparingTo("0");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("filler-1").status() == ConnectionStatus.DOWN);

        // 5. CPU back with the same memory and one new value: GOOD again
        PLC.dataBlock(1).setDInt(8, 130_000);
        PLC.start();
        awaitLatest(BOTTLES, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 130_000);
        awaitLatest(TEMPERATURE, s -> s.quality() == SampleQuality.GOOD && s.value().value().compareTo(new BigDecimal("-4.25")) == 0);
        awaitLatest(RUNNING, s -> s.quality() == SampleQuality.GOOD);
        awaitLatest(FAULT_CODE, s -> s.quality() == SampleQuality.GOOD);
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("filler-1").status() == ConnectionStatus.UP);

        List<TelemetrySample> all = samples();
        assertThat(all).extracting(TelemetrySample::sequenceNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(all).allSatisfy(s -> assertThat(s.quality() == SampleQuality.GOOD ? s.value() : s.qualityReason()).isNotNull());
        for (String tag : DB1_TAGS) {
            List<SampleQuality> transitions = all.stream().filter(s -> s.tag().equals(tag)).map(TelemetrySample::quality)
                    .distinct().toList();
            assertThat(transitions).as(tag).containsExactly(SampleQuality.BAD, SampleQuality.GOOD, SampleQuality.STALE);
            assertThat(all.stream().filter(s -> s.tag().equals(tag) && s.quality() == SampleQuality.STALE)).as(tag).hasSize(1);
        }
        assertThat(all.stream().filter(s -> s.tag().equals(NOT_IN_PLC))).allSatisfy(s -> {
            assertThat(s.quality()).isEqualTo(SampleQuality.BAD);
            assertThat(s.value()).isNull();
        });
    }

    private static TelemetrySample latest(String tag) {
        return EdgeRecords.latest(SOURCE, tag);
    }

    private static TelemetrySample awaitLatest(String tag, Predicate<TelemetrySample> condition) {
        return EdgeRecords.awaitLatest(SOURCE, tag, condition);
    }

    private static List<TelemetrySample> samples() {
        return EdgeRecords.samples(SOURCE);
    }
}
