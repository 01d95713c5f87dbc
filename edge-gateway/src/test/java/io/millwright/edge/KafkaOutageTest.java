package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.edge.status.EdgeMetrics;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.edge.TelemetrySample;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The WAN (Kafka) goes away while acquisition goes on: everything stays in the journal, and once Kafka is back
 * every sample arrives, in order per source, with no gap and nothing twice once deduplicated by sequence number.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.Profile.class)
class KafkaOutageTest {

    static final String SOURCE = "plant-outage/line-1";

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return fixture("outage.yaml");
        }
    }

    @Inject
    EmbeddedJournal journal;

    @Inject
    JournalWriter writer;

    @Inject
    CamelContext camel;

    @Inject
    EdgeMetrics metrics;

    @Test
    void backlogBuiltDuringAKafkaOutageArrivesCompleteAndInOrder() throws Exception {
        EdgeRecords.awaitTelemetry(SOURCE, 10, Duration.ofSeconds(60));
        KafkaBroker broker = KafkaBroker.shared();
        Instant stopped = Instant.now();
        broker.stop();
        try {
            // acquisition goes on; the journal holds what cannot be forwarded
            await().atMost(Duration.ofSeconds(60)).until(() -> journal.backlog() >= 60);
            // the oldest waiting entry (the one the forwarder retries) dates from about when Kafka went away
            double outageSeconds = Duration.between(stopped, Instant.now()).toMillis() / 1000.0;
            assertThat(metrics.oldestEntryAgeSeconds()).isBetween(outageSeconds - 1.0, outageSeconds + 5.0);
        } finally {
            broker.start();
        }
        // let the backlog drain under live load, then stop acquiring so the topic goes quiet
        await().atMost(Duration.ofSeconds(120)).until(() -> journal.backlog() == 0);
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith("edge-gateway.acquire.")) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> journal.backlog() == 0);
        assertThat(metrics.oldestEntryAgeSeconds()).isZero();
        long lastAssigned = writer.lastSequence(SOURCE);

        List<ConsumerRecord<String, byte[]>> records = EdgeRecords.allTelemetry(SOURCE, Duration.ofSeconds(2));
        Map<Long, TelemetrySample> bySequence = new LinkedHashMap<>();
        List<Long> sequenceInArrivalOrder = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long sequence = Long.parseLong(KafkaTestClient.header(record, "ce_sequence"));
            TelemetrySample sample = EdgeRecords.sample(record);
            assertThat(sample.sequenceNumber()).isEqualTo(sequence);
            TelemetrySample earlier = bySequence.putIfAbsent(sequence, sample);
            if (earlier == null) {
                sequenceInArrivalOrder.add(sequence);
            } else {
                assertThat(sample).as("a replayed sequence number carries the same sample").isEqualTo(earlier);
            }
        }
        assertThat(sequenceInArrivalOrder).hasSizeGreaterThan(70)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, lastAssigned).boxed().toList());
        assertThat(records).allSatisfy(r -> assertThat(r.partition()).isEqualTo(records.get(0).partition()));
    }
}
