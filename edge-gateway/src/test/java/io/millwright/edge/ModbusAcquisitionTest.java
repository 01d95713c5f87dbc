package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.millwright.edge.acquisition.ConnectionSupervisor;
import io.millwright.edge.acquisition.ConnectionSupervisor.ConnectionStatus;
import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A real Modbus TCP server read through camel-plc4x: down at gateway start (BAD), up (GOOD), power loss (STALE
 * with the last good value), back (GOOD again), with per-connection health following along.
 */
@QuarkusTest
@TestProfile(ModbusAcquisitionTest.Profile.class)
class ModbusAcquisitionTest {

    static final String SOURCE = "plant-modbus/press-1";
    static final ModbusTcpTestServer PLC = new ModbusTcpTestServer(ModbusTcpTestServer.freePort());

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return writePlantFile("modbus-" + PLC.port() + ".yaml", """
                    plant: plant-modbus
                    connections:
                      - id: press-1
                        url: modbus-tcp://127.0.0.1:%d?unit-identifier=1
                        read-timeout: 1s
                        reconnect:
                          initial: 200ms
                          max: 1s
                        tags:
                          - id: press1.oil-temperature
                            address: holding-register:1
                            scan: 200ms
                            unit: CEL
                            asset: press-1
                    """.formatted(PLC.port()));
        }
    }

    @Inject
    ConnectionSupervisor supervisor;

    @TestHTTPResource("/q/health/group/plc")
    URI plcHealth;

    @TestHTTPResource("/q/metrics")
    URI metrics;

    static final String PLC_UP = "millwright_edge_plc_up{connection=\"press-1\",plant=\"plant-modbus\"}";

    @AfterAll
    static void stopPlc() {
        PLC.stop();
    }

    @Test
    void plcOutagesAreFlaggedAndReadingResumesWhenThePlcReturns() {
        // 1. PLC down at gateway start: the tag is BAD (no value ever read), the connection DOWN
        List<TelemetrySample> samples = awaitSamples(1);
        assertThat(samples.get(0).quality()).isEqualTo(SampleQuality.BAD);
        assertThat(samples.get(0).value()).isNull();
        assertThat(samples.get(0).qualityReason()).contains("PLC unreachable");
        assertThat(supervisor.health().get("press-1").status()).isEqualTo(ConnectionStatus.DOWN);
        assertThat(httpStatus(plcHealth)).isEqualTo(503);
        assertThat(Metrics.value(EdgeHttp.get(metrics).body(), PLC_UP)).isZero();

        // 2. PLC comes up: GOOD readings of holding register 0
        PLC.setRegister(0, 215);
        PLC.start();
        samples = awaitSamples(2);
        assertThat(samples.get(1).quality()).isEqualTo(SampleQuality.GOOD);
        assertThat(samples.get(1).value().value()).isEqualByComparingTo("215");
        assertThat(samples.get(1).value().unitOfMeasure()).isEqualTo("CEL");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("press-1").status() == ConnectionStatus.UP);
        assertThat(httpStatus(plcHealth)).isEqualTo(200);
        assertThat(Metrics.value(EdgeHttp.get(metrics).body(), PLC_UP)).isEqualTo(1.0);

        // 3. PLC loses power: one STALE sample carrying the last good value, nothing empty, nothing GOOD
        int beforeOutage = awaitSamples(2).size();
        PLC.stop();
        List<TelemetrySample> afterStop = await().atMost(Duration.ofSeconds(30)).until(
                () -> EdgeRecords.samples(SOURCE),
                all -> all.stream().anyMatch(s -> s.quality() == SampleQuality.STALE));
        TelemetrySample stale = afterStop.stream().filter(s -> s.quality() == SampleQuality.STALE).findFirst().orElseThrow();
        assertThat(stale.value().value()).isEqualByComparingTo("215");
        assertThat(stale.qualityReason()).contains("last good value from");
        assertThat(afterStop.subList(beforeOutage, afterStop.size())).last().extracting(TelemetrySample::quality)
                .isEqualTo(SampleQuality.STALE);
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.health().get("press-1").status() == ConnectionStatus.DOWN);

        // 4. PLC back with a new value: reconnect with backoff, GOOD again
        PLC.setRegister(0, 250);
        PLC.start();
        List<TelemetrySample> resumed = await().atMost(Duration.ofSeconds(30)).until(
                () -> EdgeRecords.samples(SOURCE),
                all -> all.get(all.size() - 1).quality() == SampleQuality.GOOD
                        && all.get(all.size() - 1).value().value().intValue() == 250);

        assertThat(resumed).allSatisfy(s -> assertThat(s.quality() == SampleQuality.GOOD ? s.value() : s.qualityReason()).isNotNull());
        assertThat(resumed).extracting(TelemetrySample::sequenceNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, resumed.size()).boxed().toList());
        List<SampleQuality> transitions = resumed.stream().map(TelemetrySample::quality).distinct().toList();
        assertThat(transitions).containsExactly(SampleQuality.BAD, SampleQuality.GOOD, SampleQuality.STALE);
    }

    private static List<TelemetrySample> awaitSamples(int count) {
        List<ConsumerRecord<String, byte[]>> records = EdgeRecords.awaitTelemetry(SOURCE, count, Duration.ofSeconds(60));
        return EdgeRecords.samples(records);
    }

    private static int httpStatus(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
