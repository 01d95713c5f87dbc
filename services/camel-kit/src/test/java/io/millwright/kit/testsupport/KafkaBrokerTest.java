package io.millwright.kit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;

/** The shared broker and the test client against it; every test leaves the broker running. */
class KafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(1);

    private KafkaBroker broker;
    private String topic;

    @BeforeEach
    void sharedBroker() {
        broker = KafkaBroker.shared();
        if (!broker.isRunning()) {
            broker.start();
        }
        topic = "kit-test-" + UUID.randomUUID();
    }

    @Test
    void sharedBrokerIsOnePerJvmOnLoopback() {
        assertThat(KafkaBroker.shared().bootstrapServers()).isEqualTo(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(broker.isRunning()).isTrue();
    }

    @Test
    void sendThenAwaitSeesTheRecordWithItsHeaders() {
        KafkaTestClient.send(topic, "order-4711", bytes("{\"qty\":3}"), Map.of("ce_id", "evt-1", "ce_type", "order.accepted.v1"));

        List<ConsumerRecord<String, byte[]>> seen = KafkaTestClient.await(topic, r -> "order-4711".equals(r.key()), 1, TIMEOUT);

        assertThat(seen).hasSize(1);
        ConsumerRecord<String, byte[]> record = seen.get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"qty\":3}");
        assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo("evt-1");
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("order.accepted.v1");
        assertThat(KafkaTestClient.header(record, "traceparent")).isNull();
    }

    @Test
    void awaitReturnsOnlyMatchingRecordsOnceEnoughArrived() {
        for (int i = 0; i < 6; i++) {
            KafkaTestClient.send(topic, (i % 2 == 0 ? "even-" : "odd-") + i, bytes("v" + i), null);
        }

        List<ConsumerRecord<String, byte[]>> even = KafkaTestClient.await(topic, r -> r.key().startsWith("even-"), 3, TIMEOUT);

        assertThat(even).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("even-0", "even-2", "even-4");
    }

    @Test
    void awaitReturnsEveryMatchUpToTheEndOfATopicLargerThanOnePoll() throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", 20);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3_000; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", bytes("v" + i)));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, byte[]>> all = KafkaTestClient.await(topic, r -> true, 1, TIMEOUT);

        assertThat(all).hasSize(3_000);
        assertThat(new String(all.get(2_999).value(), StandardCharsets.UTF_8)).isEqualTo("v2999");
    }

    @Test
    void awaitFailsListingWhatItSaw() {
        KafkaTestClient.send(topic, "order-1", bytes("payload-1"), Map.of("ce_id", "evt-a"));

        assertThatThrownBy(() -> KafkaTestClient.await(topic, r -> "order-2".equals(r.key()), 1, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected at least 1 matching record(s) on topic '" + topic + "'")
                .hasMessageContaining("0 of 1 matched")
                .hasMessageContaining("key=order-1 headers={ce_id=evt-a} value=payload-1");
    }

    @Test
    void awaitOnATopicThatNeverAppearsSaysSo() {
        assertThatThrownBy(() -> KafkaTestClient.await(topic, r -> true, 1, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("(the topic does not exist)");
    }

    @Test
    void readAllOfAnUnknownTopicIsEmptyAndDoesNotCreateIt() {
        assertThat(KafkaTestClient.readAll(topic, QUIET)).isEmpty();
        assertThatThrownBy(() -> KafkaTestClient.await(topic, r -> true, 1, Duration.ofMillis(500)))
                .hasMessageContaining("(the topic does not exist)");
    }

    @Test
    void stopThenStartKeepsEarlierRecords() {
        String bootstrap = broker.bootstrapServers();
        for (int i = 1; i <= 3; i++) {
            KafkaTestClient.send(topic, "k" + i, bytes("before-stop-" + i), null);
        }

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(KafkaTestClient.readAll(topic, QUIET))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("before-stop-1", "before-stop-2", "before-stop-3");
    }

    @Test
    void killThenStartKeepsAcknowledgedRecords() {
        KafkaTestClient.send(topic, "k", bytes("before-kill"), null);

        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        KafkaTestClient.send(topic, "k", bytes("after-restart"), null);
        assertThat(KafkaTestClient.readAll(topic, QUIET))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("before-kill", "after-restart");
    }

    @Test
    void kafkaResourceRestartsAStoppedBrokerAndHandsOutItsAddress() {
        broker.stop();

        Map<String, String> config = new KafkaResource().start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(config).containsOnly(
                Map.entry("kafka.bootstrap.servers", broker.bootstrapServers()),
                Map.entry("camel.component.kafka.brokers", broker.bootstrapServers()));
    }

    @Test
    void secureListenerTakesAClientCertificateAndScramAndLeadsToTheSameTopics() throws Exception {
        KafkaBroker.SecureListener secure = broker.secureListener();
        assertThat(secure.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo(broker.bootstrapServers());

        RecordMetadata written = sendOver(secure.clientProperties(KafkaBroker.SCRAM_USER, KafkaBroker.SCRAM_PASSWORD), "over-tls");

        assertThat(written.offset()).isZero();
        assertThat(KafkaTestClient.readAll(topic, QUIET)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("over-tls");
    }

    @Test
    void secureListenerRefusesAWrongPasswordAndAClientWithoutCertificate() {
        KafkaBroker.SecureListener secure = broker.secureListener();

        assertThatThrownBy(() -> sendOver(secure.clientProperties(KafkaBroker.SCRAM_USER, "not-the-password"), "refused"))
                .cause().isInstanceOf(SaslAuthenticationException.class);
        Map<String, Object> withoutCertificate = new HashMap<>(secure.clientProperties(KafkaBroker.SCRAM_USER, KafkaBroker.SCRAM_PASSWORD));
        withoutCertificate.keySet().removeIf(key -> key.startsWith("ssl.keystore."));
        assertThatThrownBy(() -> sendOver(withoutCertificate, "refused")).cause().isInstanceOf(SslAuthenticationException.class);
        assertThat(KafkaTestClient.readAll(topic, QUIET)).isEmpty();
    }

    @Test
    void scramPasswordCanBeChangedWhileRunning() throws Exception {
        String user = "kit-test-" + UUID.randomUUID();
        broker.setScramPassword(user, "first");
        broker.setScramPassword(user, "second");

        assertThatThrownBy(() -> sendOver(broker.secureListener().clientProperties(user, "first"), "refused"))
                .cause().isInstanceOf(SaslAuthenticationException.class);
        assertThat(sendOver(broker.secureListener().clientProperties(user, "second"), "accepted").offset()).isZero();
    }

    private RecordMetadata sendOver(Map<String, Object> clientProperties, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("max.block.ms", 10_000);
        config.put("delivery.timeout.ms", 10_000);
        config.put("request.timeout.ms", 5_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, "k", bytes(value))).get(20, TimeUnit.SECONDS);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
