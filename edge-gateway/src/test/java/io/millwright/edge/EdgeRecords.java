package io.millwright.edge;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import io.cloudevents.CloudEvent;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.Topics;

/** Reading what the gateway published, as a cloud-side consumer would. */
public final class EdgeRecords {

    private EdgeRecords() {
    }

    /** Waits for at least {@code count} telemetry records keyed by {@code source} and returns all seen so far for it. */
    public static List<ConsumerRecord<String, byte[]>> awaitTelemetry(String source, int count, Duration timeout) {
        return KafkaTestClient.await(Topics.EDGE_TELEMETRY, r -> source.equals(r.key()), count, timeout);
    }

    /** Every telemetry record of {@code source} once the topic has been quiet for {@code quietFor}. */
    public static List<ConsumerRecord<String, byte[]>> allTelemetry(String source, Duration quietFor) {
        return KafkaTestClient.readAll(Topics.EDGE_TELEMETRY, quietFor).stream()
                .filter(r -> source.equals(r.key()))
                .collect(Collectors.toList());
    }

    public static CloudEvent event(ConsumerRecord<String, byte[]> record) {
        return DomainEvents.fromConsumerRecord(record);
    }

    public static TelemetrySample sample(ConsumerRecord<String, byte[]> record) {
        return DomainEvents.data(event(record), TelemetrySample.class);
    }

    public static List<TelemetrySample> samples(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(EdgeRecords::sample).collect(Collectors.toList());
    }

    /** The telemetry samples of {@code source} forwarded so far (at least one), in arrival order. */
    public static List<TelemetrySample> samples(String source) {
        return samples(awaitTelemetry(source, 1, Duration.ofSeconds(5)));
    }

    /** The last sample of {@code tag} forwarded for {@code source}, or null when none yet. */
    public static TelemetrySample latest(String source, String tag) {
        List<TelemetrySample> ofTag = samples(source).stream().filter(s -> s.tag().equals(tag)).toList();
        return ofTag.isEmpty() ? null : ofTag.get(ofTag.size() - 1);
    }

    /** Waits until the last sample of the tag forwarded to Kafka matches, and returns it. */
    public static TelemetrySample awaitLatest(String source, String tag, Predicate<TelemetrySample> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latest(source, tag), s -> s != null && condition.test(s));
    }
}
