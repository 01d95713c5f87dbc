package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.edge.processing.JournalEntry;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.EventType;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** PLC4X simulated driver through camel-plc4x, the journal and the forwarder to real Kafka; metrics and status page. */
@QuarkusTest
@TestProfile(SimulatedAcquisitionTest.Profile.class)
class SimulatedAcquisitionTest {

    static final String SOURCE = "plant-sim/bench";

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return fixture("simulated.yaml");
        }
    }

    @Inject
    EmbeddedJournal journal;

    @Inject
    JournalWriter writer;

    @Test
    void theJournalListensOnNoNetworkPort() {
        assertThat(journal.isActive()).isTrue();
        assertThat(journal.acceptors()).containsExactly("in-vm");
    }

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @TestHTTPResource("/status")
    URI status;

    @TestHTTPResource("/api/v1/status")
    URI statusData;

    @Test
    void metricsAndStatusPageShowTheRunningGateway() throws Exception {
        EdgeRecords.awaitTelemetry(SOURCE, 3, Duration.ofSeconds(60));
        String tags = "{connection=\"bench\",plant=\"plant-sim\"}";
        String text = await().atMost(Duration.ofSeconds(30)).until(() -> EdgeHttp.get(metrics).body(),
                body -> Metrics.value(body, "millwright_edge_forwarded_total" + tags) > 0);
        assertThat(Metrics.value(text, "millwright_edge_acquired_total" + tags))
                .isGreaterThanOrEqualTo(Metrics.value(text, "millwright_edge_forwarded_total" + tags));
        assertThat(Metrics.value(text, "millwright_edge_plc_up" + tags)).isEqualTo(1.0);
        assertThat(Metrics.value(text, "millwright_edge_backlog{plant=\"plant-sim\"}")).isGreaterThanOrEqualTo(0);
        assertThat(Metrics.value(text, "millwright_edge_oldest_message_age_seconds{plant=\"plant-sim\"}"))
                .isBetween(0.0, 60.0);
        assertThat(Metrics.value(text, "millwright_edge_dropped_total{class=\"TELEMETRY\",plant=\"plant-sim\"}")).isZero();
        assertThat(Metrics.value(text, "millwright_edge_dropped_total{class=\"EVENT\",plant=\"plant-sim\"}")).isZero();
        assertThat(Metrics.value(text, "millwright_edge_dead_letters{plant=\"plant-sim\"}")).isGreaterThanOrEqualTo(0);

        HttpResponse<String> page = EdgeHttp.get(status);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains("<span id=\"plant\">plant-sim</span>")
                .contains("<tr id=\"connection-bench\"><td>bench</td><td><code>simulated://bench</code></td><td class=\"UP\">UP</td>")
                .contains("href=\"/q/health\"", "href=\"/q/metrics\"", "href=\"/api/v1/dead-letters\"", "href=\"/api/v1/status\"")
                .containsPattern("<tr><th>dead letters \\(could not be forwarded\\)</th><td>\\d+</td></tr>")
                .doesNotContain("<script");

        // the same as data, for the operations console: each connection's state and why, the journal, the cloud link
        HttpResponse<String> json = EdgeHttp.get(statusData, "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode data = ModelJson.mapper().readTree(json.body());
        assertThat(data.path("plant").asText()).isEqualTo("plant-sim");
        assertThat(data.path("connections").get(0).path("id").asText()).isEqualTo("bench");
        assertThat(data.path("connections").get(0).path("url").asText()).isEqualTo("simulated://bench");
        assertThat(data.path("connections").get(0).path("state").asText()).isEqualTo("UP");
        assertThat(data.path("connections").get(0).path("acquired").asLong()).isPositive();
        assertThat(data.path("journal").path("active").asBoolean()).isTrue();
        assertThat(data.path("journal").path("budgetBytes").asLong()).isPositive();
        assertThat(data.path("cloudLink").path("up").asBoolean()).isTrue();
        assertThat(data.path("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void simulatedReadsArriveAsCloudEventsWithQualityAndSequence() {
        List<ConsumerRecord<String, byte[]>> records = EdgeRecords.awaitTelemetry(SOURCE, 6, Duration.ofSeconds(60));
        List<TelemetrySample> samples = EdgeRecords.samples(records);

        List<TelemetrySample> speed = samples.stream().filter(s -> s.tag().equals("bench.speed")).toList();
        assertThat(speed).isNotEmpty().allSatisfy(s -> {
            assertThat(s.quality()).isEqualTo(SampleQuality.GOOD);
            assertThat(s.value()).isNotNull();
            assertThat(s.value().unitOfMeasure()).isEqualTo("RPM");
            assertThat(s.assetId()).isEqualTo("bench-1");
            assertThat(s.plantId()).isEqualTo("plant-sim");
        });
        // A STATE tag nobody wrote has no value: flagged BAD once, with the reason, never sent as GOOD or empty
        List<TelemetrySample> neverWritten = samples.stream().filter(s -> s.tag().equals("bench.never-written")).toList();
        assertThat(neverWritten).hasSize(1);
        assertThat(neverWritten.get(0).quality()).isEqualTo(SampleQuality.BAD);
        assertThat(neverWritten.get(0).value()).isNull();
        assertThat(neverWritten.get(0).qualityReason()).isEqualTo("PLC answered NOT_FOUND for address STATE/never:DINT");

        assertThat(samples).extracting(TelemetrySample::sequenceNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, samples.size()).boxed().toList());
        ConsumerRecord<String, byte[]> first = records.get(0);
        assertThat(first.key()).isEqualTo(SOURCE);
        assertThat(KafkaTestClient.header(first, "ce_type")).isEqualTo(EventType.EDGE_TELEMETRY_SAMPLED.type());
        assertThat(KafkaTestClient.header(first, "ce_subject")).isEqualTo(SOURCE);
        assertThat(KafkaTestClient.header(first, "ce_sequence")).isEqualTo("1");
        assertThat(KafkaTestClient.header(first, "ce_id")).isEqualTo(SOURCE + "/1");
        assertThat(records).allSatisfy(r -> assertThat(r.value()).isNotEmpty());
    }

    @Test
    void aScanLargerThanOneJournalMessageArrivesWholeAndInOrder() {
        String source = "plant-sim/large-scan";
        Instant at = Instant.parse("2026-11-20T07:00:00Z");
        List<JournalEntry> scan = new ArrayList<>();
        for (int tag = 0; tag < 2_500; tag++) {
            String tagId = "large.tag-" + tag;
            scan.add(new JournalEntry(EventType.EDGE_TELEMETRY_SAMPLED, source, "large", true,
                    sequence -> new TelemetrySample("plant-sim", source, sequence, "bench-1", tagId, Quantity.of("1", "EA"),
                            null, SampleQuality.GOOD, null, at)));
        }

        writer.append(scan);

        List<TelemetrySample> samples = EdgeRecords.samples(EdgeRecords.awaitTelemetry(source, 2_500, Duration.ofSeconds(60)));
        assertThat(samples).extracting(TelemetrySample::sequenceNumber)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2_500).boxed().toList());
        assertThat(samples).extracting(TelemetrySample::tag)
                .containsExactlyElementsOf(IntStream.range(0, 2_500).mapToObj(tag -> "large.tag-" + tag).toList());
    }
}
