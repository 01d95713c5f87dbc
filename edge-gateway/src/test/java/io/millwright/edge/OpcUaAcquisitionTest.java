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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.edge.plc.OpcUaTestServer;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A real OPC UA server (Eclipse Milo, security None, anonymous) read through camel-plc4x's OPC UA driver: a
 * Double and an Int32 variable arrive GOOD with the server's values, a changed value is read, the server going
 * away flags both tags STALE with their last good values, and reading resumes GOOD when it returns.
 */
@QuarkusTest
@TestProfile(OpcUaAcquisitionTest.Profile.class)
class OpcUaAcquisitionTest {

    static final String SOURCE = "plant-opcua/line-1";
    static final String TEMPERATURE = "line1.temperature";
    static final String COUNT = "line1.count";
    static final OpcUaTestServer PLC = new OpcUaTestServer(ModbusTcpTestServer.freePort());

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return writePlantFile("opcua-" + PLC.port() + ".yaml", """
                    plant: plant-opcua
                    connections:
                      - id: line-1
                        url: opcua:tcp://127.0.0.1:%d%s?discovery=false
                        read-timeout: 1s
                        reconnect:
                          initial: 200ms
                          max: 1s
                        tags:
                          - id: %s
                            address: "ns=2;s=Line1.Temperature;LREAL"
                            scan: 200ms
                            unit: CEL
                            asset: line-1
                          - id: %s
                            address: "ns=2;s=Line1.Count;DINT"
                            scan: 200ms
                            unit: EA
                            asset: line-1
                    """.formatted(PLC.port(), OpcUaTestServer.PATH, TEMPERATURE, COUNT));
        }
    }

    @Inject
    ConnectionSupervisor supervisor;

    @AfterAll
    static void stopPlc() {
        PLC.stop();
    }

    @Test
    void opcUaVariablesAreReadGoodFlaggedStaleWhileTheServerIsGoneAndResume() {
        // 1. server up: both variables arrive GOOD with the server's values
        PLC.setTemperature(21.5);
        PLC.setCount(42);
        PLC.start();
        awaitLatest(TEMPERATURE, s -> s.quality() == SampleQuality.GOOD && s.value().value().doubleValue() == 21.5);
        TelemetrySample count = awaitLatest(COUNT, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 42);
        assertThat(count.value().unitOfMeasure()).isEqualTo("EA");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("line-1").status() == ConnectionStatus.UP);

        // 2. values change in the server: the new values are read
        PLC.setTemperature(23.25);
        PLC.setCount(43);
        TelemetrySample temperature = awaitLatest(TEMPERATURE,
                s -> s.quality() == SampleQuality.GOOD && s.value().value().doubleValue() == 23.25);
        assertThat(temperature.value().unitOfMeasure()).isEqualTo("CEL");
        assertThat(temperature.assetId()).isEqualTo("line-1");
        awaitLatest(COUNT, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 43);

        // 3. server gone: both tags STALE once, carrying their last good values
        PLC.stop();
        TelemetrySample staleTemperature = awaitLatest(TEMPERATURE, s -> s.quality() == SampleQuality.STALE);
        TelemetrySample staleCount = awaitLatest(COUNT, s -> s.quality() == SampleQuality.STALE);
        assertThat(staleTemperature.value().value().doubleValue()).isEqualTo(23.25);
        assertThat(staleCount.value().value().intValue()).isEqualTo(43);
        assertThat(staleTemperature.qualityReason()).contains("last good value from");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("line-1").status() == ConnectionStatus.DOWN);

        // 4. server back with new values: GOOD again
        PLC.setTemperature(19.0);
        PLC.setCount(44);
        PLC.start();
        awaitLatest(TEMPERATURE, s -> s.quality() == SampleQuality.GOOD && s.value().value().doubleValue() == 19.0);
        awaitLatest(COUNT, s -> s.quality() == SampleQuality.GOOD && s.value().value().intValue() == 44);
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("line-1").status() == ConnectionStatus.UP);

        List<TelemetrySample> all = samples();
        assertThat(all).extracting(TelemetrySample::sequenceNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(all).allSatisfy(s -> assertThat(s.quality() == SampleQuality.GOOD ? s.value() : s.qualityReason()).isNotNull());
        for (String tag : List.of(TEMPERATURE, COUNT)) {
            List<SampleQuality> transitions = all.stream().filter(s -> s.tag().equals(tag)).map(TelemetrySample::quality)
                    .dropWhile(q -> q == SampleQuality.BAD) // server not yet started when the gateway came up
                    .distinct().toList();
            // a read racing the server's shutdown may first be refused per tag (BAD), then the server is gone (STALE)
            assertThat(transitions).as(tag).containsAnyOf(SampleQuality.STALE).startsWith(SampleQuality.GOOD)
                    .endsWith(SampleQuality.STALE).isSubsetOf(SampleQuality.GOOD, SampleQuality.BAD, SampleQuality.STALE);
            assertThat(all.stream().filter(s -> s.tag().equals(tag) && s.quality() == SampleQuality.STALE)).as(tag).hasSize(1);
        }
    }

    private static TelemetrySample awaitLatest(String tag, Predicate<TelemetrySample> condition) {
        return EdgeRecords.awaitLatest(SOURCE, tag, condition);
    }

    private static List<TelemetrySample> samples() {
        return EdgeRecords.samples(SOURCE);
    }
}
