package io.millwright.kit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.cloudevents.CloudEvent;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;

/**
 * Plain kafka-clients access to the test JVM's broker ({@link KafkaBroker#shared()}): String keys, byte[] values.
 *
 * <p>Readers see a topic from its first offset, independently of any consumer group: partitions are assigned
 * directly, nothing is committed, and reading never creates a topic. They read committed records only, as a
 * downstream consumer would.
 */
public final class KafkaTestClient {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_ALL_LIMIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int DESCRIBED_RECORDS = 100;

    private KafkaTestClient() {
    }

    /** Every record of {@code topic}, from the beginning, once no new record has arrived for {@code quietFor}. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration quietFor) {
        long limit = System.nanoTime() + quietFor.plus(READ_ALL_LIMIT).toNanos();
        try (TopicReader reader = new TopicReader(topic)) {
            long lastNews = System.nanoTime();
            while (true) {
                boolean news = reader.poll();
                long now = System.nanoTime();
                if (news) {
                    lastNews = now;
                }
                if (now - lastNews >= quietFor.toNanos() && reader.caughtUp()) {
                    return reader.records();
                }
                if (now > limit) {
                    throw new IllegalStateException("Topic '" + topic + "' did not go quiet for " + quietFor + " within "
                            + READ_ALL_LIMIT + "; read " + reader.records().size() + " records so far");
                }
            }
        }
    }

    /**
     * Waits until at least {@code count} records of {@code topic} (from the beginning) match, and returns the
     * matching ones: all of them up to at least the end of the topic as it was when reading began, so a caller may take
     * the last one as the latest (one poll returns only part of a large topic). Fails with an {@link AssertionError}
     * listing what was seen when {@code timeout} runs out.
     */
    public static List<ConsumerRecord<String, byte[]>> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
            int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (TopicReader reader = new TopicReader(topic)) {
            while (true) {
                int before = reader.records().size();
                reader.poll();
                List<ConsumerRecord<String, byte[]>> all = reader.records();
                for (ConsumerRecord<String, byte[]> record : all.subList(before, all.size())) {
                    if (match.test(record)) {
                        matching.add(record);
                    }
                }
                if (matching.size() >= count && reader.caughtUp()) {
                    return matching;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Expected at least " + count + " matching record(s) on topic '" + topic
                            + "' within " + timeout + " but " + matching.size() + " of " + all.size() + " matched"
                            + (reader.assigned() ? "" : " (the topic does not exist)") + describe(all));
                }
            }
        }
    }

    /** Sends one record with acks=all and returns once the broker has acknowledged it. */
    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "millwright-test-sender");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        List<Header> recordHeaders = new ArrayList<>();
        if (headers != null) {
            headers.forEach((name, headerValue) -> recordHeaders.add(new RecordHeader(name,
                    headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8))));
        }
        try (KafkaProducer<String, byte[]> producer = TestInfrastructure.withKafkaClassLoader(
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()))) {
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders))
                    .get(SEND_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Sending to topic '" + topic + "' on " + bootstrapServers() + " failed: "
                    + (e.getCause() != null ? e.getCause() : e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to topic '" + topic + "'", e);
        }
    }

    /** Publishes a domain event as its producer would: to its type's topic, keyed by subject, CloudEvent headers (binary mode). */
    public static void publish(CloudEvent event) {
        Map<String, String> headers = new HashMap<>();
        DomainEvents.kafkaHeaders(event).forEach((name, value) -> headers.put(name, new String(value, StandardCharsets.UTF_8)));
        send(EventType.fromType(event.getType()).topic(), event.getSubject(), event.getData() == null ? new byte[0] : event.getData().toBytes(),
                headers);
    }

    /** The last value of header {@code name} as UTF-8, or null when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrapServers() {
        return KafkaBroker.shared().bootstrapServers();
    }

    private static String describe(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return "; no records seen";
        }
        int from = Math.max(0, records.size() - DESCRIBED_RECORDS);
        String listing = records.subList(from, records.size()).stream()
                .map(KafkaTestClient::describe)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        return "; seen" + (from > 0 ? " (last " + DESCRIBED_RECORDS + ")" : "") + ":" + listing;
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        StringBuilder headers = new StringBuilder();
        for (Header header : record.headers()) {
            headers.append(headers.length() == 0 ? "" : ", ").append(header.key()).append('=')
                    .append(header.value() == null ? "null" : new String(header.value(), StandardCharsets.UTF_8));
        }
        String value = record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8);
        if (value.length() > 300) {
            value = value.substring(0, 300) + "...";
        }
        return "p" + record.partition() + "@" + record.offset() + " key=" + record.key() + " headers={" + headers + "} value=" + value;
    }

    /** A consumer over all partitions of one topic from offset 0, assigned as soon as the topic exists. */
    private static final class TopicReader implements AutoCloseable {

        private static final long DISCOVERY_INTERVAL_NANOS = Duration.ofMillis(250).toNanos();

        private final String topic;
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        private Map<TopicPartition, Long> endOffsets;
        private long nextDiscovery;

        TopicReader(String topic) {
            this.topic = topic;
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "millwright-test-reader");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            this.consumer = TestInfrastructure.withKafkaClassLoader(
                    () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
        }

        /** One poll (or, before the topic exists, one look for it); true when something new happened. */
        boolean poll() {
            if (endOffsets == null) {
                if (System.nanoTime() < nextDiscovery || !discover()) {
                    pause();
                    return false;
                }
                return true;
            }
            int before = records.size();
            consumer.poll(POLL).forEach(records::add);
            return records.size() > before;
        }

        boolean assigned() {
            return endOffsets != null;
        }

        /** True once every record that existed when the partitions were assigned has been read. */
        boolean caughtUp() {
            if (endOffsets == null) {
                return true;
            }
            for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
                if (consumer.position(end.getKey()) < end.getValue()) {
                    return false;
                }
            }
            return true;
        }

        List<ConsumerRecord<String, byte[]>> records() {
            return new ArrayList<>(records);
        }

        private boolean discover() {
            nextDiscovery = System.nanoTime() + DISCOVERY_INTERVAL_NANOS;
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions == null || partitions.isEmpty()) {
                return false;
            }
            List<TopicPartition> assignment = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .collect(Collectors.toList());
            consumer.assign(assignment);
            consumer.seekToBeginning(assignment);
            endOffsets = new HashMap<>(consumer.endOffsets(assignment));
            return true;
        }

        private void pause() {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic '" + topic + "'", e);
            }
        }

        @Override
        public void close() {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
