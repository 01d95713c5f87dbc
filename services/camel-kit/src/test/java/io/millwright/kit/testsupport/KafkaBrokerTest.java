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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.event.KafkaAccess;
import io.millwright.model.event.Topics;

/** The shared broker, its listeners and principals' rules, and the test client against it; every test leaves the broker running. */
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
    void kafkaResourceRestartsAStoppedBrokerAndHandsOutItsSecureListenerForTheApplicationsOwnPrincipal() {
        broker.stop();

        Map<String, String> config = new KafkaResource().start();

        assertThat(broker.isRunning()).isTrue();
        KafkaBroker.SecureListener secure = broker.secureListener();
        assertThat(config).containsEntry("kafka.bootstrap.servers", secure.bootstrapServers())
                .containsEntry("camel.component.kafka.brokers", secure.bootstrapServers())
                .containsEntry("millwright.kit.kafka.security-protocol", "SASL_SSL")
                .containsEntry("millwright.kit.kafka.keystore", secure.tlsDir().resolve("client-${millwright.kit.kafka.principal}.p12").toString())
                .doesNotContainKey("millwright.kit.kafka.principal");
        KafkaResource plaintext = new KafkaResource();
        plaintext.init(Map.of(KafkaResource.LISTENER, KafkaResource.PLAINTEXT));
        assertThat(plaintext.start()).containsOnly(
                Map.entry("kafka.bootstrap.servers", broker.bootstrapServers()),
                Map.entry("camel.component.kafka.brokers", broker.bootstrapServers()));
    }

    @Test
    void secureListenerTakesAClientCertificateAndScramAndLeadsToTheSameTopics() throws Exception {
        KafkaBroker.SecureListener secure = broker.secureListener();
        assertThat(secure.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo(broker.bootstrapServers());

        RecordMetadata written = sendOver(testPrincipal(), topic, "over-tls");

        assertThat(written.offset()).isZero();
        assertThat(KafkaTestClient.readAll(topic, QUIET)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("over-tls");
    }

    @Test
    void secureListenerRefusesAWrongPasswordAndAClientWithoutCertificate() {
        KafkaBroker.SecureListener secure = broker.secureListener();

        assertThatThrownBy(() -> sendOver(secure.clientProperties(KafkaBroker.TEST_PRINCIPAL, "not-the-password"), topic, "refused"))
                .cause().isInstanceOf(SaslAuthenticationException.class);
        Map<String, Object> withoutCertificate = new HashMap<>(testPrincipal());
        withoutCertificate.keySet().removeIf(key -> key.startsWith("ssl.keystore."));
        assertThatThrownBy(() -> sendOver(withoutCertificate, topic, "refused")).cause().isInstanceOf(SslAuthenticationException.class);
        assertThat(KafkaTestClient.readAll(topic, QUIET)).isEmpty();
    }

    @Test
    void scramPasswordCanBeChangedWhileRunning() throws Exception {
        String user = "kit-test-" + UUID.randomUUID();
        broker.setScramPassword(user, "first");
        broker.setScramPassword(user, "second");
        broker.grant(new KafkaAccess(user, List.of(), List.of(topic)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS); // it may not create topics
        }

        assertThatThrownBy(() -> sendOver(broker.secureListener().clientProperties(user, "first"), topic, "refused"))
                .cause().isInstanceOf(SaslAuthenticationException.class);
        assertThat(sendOver(broker.secureListener().clientProperties(user, "second"), topic, "accepted").offset()).isZero();
    }

    @Test
    void eachServicePrincipalHasItsOwnCertificateAndTheSharedTopicsExist() throws Exception {
        for (KafkaAccess access : KafkaAccess.ALL) {
            assertThat(broker.secureListener().keystore(access.principal())).exists()
                    .hasFileName("client-" + access.principal() + ".p12");
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.PLATFORM);
        }
    }

    @Test
    void orderServicesPrincipalWritesItsOwnTopicButIsRefusedOnTheProductionEventsTopic() throws Exception {
        Map<String, Object> orderService = principal(KafkaAccess.ORDER_SERVICE);
        String key = "acl-" + UUID.randomUUID();

        assertThatThrownBy(() -> sendOver(orderService, Topics.PRODUCTION_EVENTS, key))
                .cause().isInstanceOf(TopicAuthorizationException.class)
                .hasMessageContaining(Topics.PRODUCTION_EVENTS);
        assertThat(KafkaTestClient.readAll(Topics.PRODUCTION_EVENTS, QUIET)).noneMatch(r -> key.equals(r.key()));
        // the same principal, on the topic it owns
        assertThat(sendOver(orderService, Topics.ORDER_EVENTS, key).topic()).isEqualTo(Topics.ORDER_EVENTS);
    }

    @Test
    void aServicePrincipalReadsOnlyTheTopicsItConsumesWithItsOwnGroups() {
        Map<String, Object> production = principal(KafkaAccess.PRODUCTION_SERVICE);
        Map<String, Object> inventory = principal(KafkaAccess.INVENTORY_SERVICE);

        // production-service consumes nothing: it may not read the order events
        assertThatThrownBy(() -> firstPoll(production, Topics.ORDER_EVENTS, "production-service.snoop"))
                .isInstanceOf(TopicAuthorizationException.class);
        // inventory-service reads production events in its own groups, not in another service's
        assertThat(firstPoll(inventory, Topics.PRODUCTION_EVENTS, "inventory-service.acl-test-" + UUID.randomUUID())).isNotNull();
        assertThatThrownBy(() -> firstPoll(inventory, Topics.PRODUCTION_EVENTS, "order-service.production-milestones"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    private Map<String, Object> testPrincipal() {
        return broker.secureListener().clientProperties(KafkaBroker.TEST_PRINCIPAL, KafkaBroker.scramPassword(KafkaBroker.TEST_PRINCIPAL));
    }

    private Map<String, Object> principal(KafkaAccess access) {
        return broker.secureListener().clientProperties(access.principal(), KafkaBroker.scramPassword(access.principal()));
    }

    /** Subscribes in {@code group} and polls once: the broker's refusal of topic or group surfaces here. */
    private static ConsumerRecords<String, byte[]> firstPoll(Map<String, Object> clientProperties, String topic, String group) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("group.id", group);
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(2));
            // a poll may return before the group is joined; the assignment shows it was
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(consumer.assignment()).as("partitions of " + topic + " assigned to " + group).isNotEmpty();
            return records;
        }
    }

    private static RecordMetadata sendOver(Map<String, Object> clientProperties, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("max.block.ms", 10_000);
        config.put("delivery.timeout.ms", 10_000);
        config.put("request.timeout.ms", 5_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, value, bytes(value))).get(20, TimeUnit.SECONDS);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
