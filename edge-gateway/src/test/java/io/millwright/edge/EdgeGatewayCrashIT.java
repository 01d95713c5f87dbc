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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.model.edge.TelemetrySample;

/**
 * The packaged gateway as a child JVM, SIGKILLed while its journal holds a backlog (Kafka down): after a restart
 * on the same data directory every sample acquired before the kill arrives, numbering resumes without reuse or gap,
 * and nothing is delivered twice once deduplicated by sequence number.
 */
class EdgeGatewayCrashIT {

    static final String SOURCE = "plant-crash/line-1";
    private static final Pattern BACKLOG = Pattern.compile("\"backlog\"\\s*:\\s*(-?\\d+)");

    @Test
    void killedWithABacklogLosesAndDuplicatesNothing() {
        KafkaBroker broker = KafkaBroker.shared();
        Path dataDir = EdgeTestProfile.freshDataDir();
        Map<String, String> properties = Map.of(
                "millwright.edge.config", EdgeTestProfile.fixture("crash.yaml").toAbsolutePath().toString(),
                "millwright.edge.data-dir", dataDir.toString(),
                "millwright.edge.kafka.bootstrap-servers", broker.bootstrapServers(),
                "millwright.edge.forward.max-backoff", "1s",
                "millwright.edge.forward.send-timeout", "3s");
        broker.stop();
        ServiceProcess gateway = ServiceProcess.start("edge-gateway", ServiceProcess.quarkusApp("edge-gateway"), properties,
                Duration.ofSeconds(90));
        long backlogAtKill;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> backlog(gateway) >= 50);
            gateway.kill();
            backlogAtKill = 50;
        } finally {
            broker.start();
        }

        ServiceProcess restarted = gateway.restart(Duration.ofSeconds(90));
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> backlog(restarted) == 0);
            // keep acquiring a little after the restart, so numbering across the crash is checked too
            EdgeRecords.awaitTelemetry(SOURCE, (int) backlogAtKill + 20, Duration.ofSeconds(60));
        } finally {
            restarted.stop();
        }

        List<ConsumerRecord<String, byte[]>> records = EdgeRecords.allTelemetry(SOURCE, Duration.ofSeconds(2));
        Map<Long, TelemetrySample> bySequence = new HashMap<>();
        List<Long> firstArrivals = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TelemetrySample sample = EdgeRecords.sample(record);
            assertThat(KafkaTestClient.header(record, "ce_sequence")).isEqualTo(String.valueOf(sample.sequenceNumber()));
            TelemetrySample earlier = bySequence.putIfAbsent(sample.sequenceNumber(), sample);
            if (earlier == null) {
                firstArrivals.add(sample.sequenceNumber());
            } else {
                assertThat(sample).as("sequence %d re-sent with the same content, never reused", sample.sequenceNumber())
                        .isEqualTo(earlier);
            }
        }
        assertThat(firstArrivals).hasSizeGreaterThanOrEqualTo((int) backlogAtKill + 20)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, firstArrivals.size()).boxed().toList());
    }

    private static long backlog(ServiceProcess gateway) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/q/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = BACKLOG.matcher(response.body());
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
