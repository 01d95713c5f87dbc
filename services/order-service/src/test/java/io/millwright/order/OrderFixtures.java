package io.millwright.order;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.event.Topics;
import io.millwright.kit.testing.Management;

/** Order request fixtures (src/test/resources/fixtures/orders) and event look-ups shared by the order tests. */
final class OrderFixtures {

    private OrderFixtures() {
    }

    /** The service takes orders once master data has been replicated from ERP (readiness). */
    static void awaitReady() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Management.given().get("/q/health/ready").statusCode() == 200);
    }

    static String newCrmOrderId() {
        return "CRM-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static String order(String fixture, String crmOrderId) {
        try (InputStream in = OrderFixtures.class.getResourceAsStream("/fixtures/orders/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${crmOrderId}", crmOrderId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isEvent(ConsumerRecord<String, byte[]> record, String orderId, String ceType) {
        return orderId.equals(record.key()) && ceType.equals(KafkaTestClient.header(record, "ce_type"));
    }

    /** Every order event on the topic for one order (reads until the topic has been quiet for a moment). */
    static List<ConsumerRecord<String, byte[]>> eventsOf(String orderId) {
        return KafkaTestClient.readAll(Topics.ORDER_EVENTS, java.time.Duration.ofSeconds(2)).stream()
                .filter(r -> orderId.equals(r.key()))
                .toList();
    }

    static List<ConsumerRecord<String, byte[]>> allOrderEvents() {
        return KafkaTestClient.readAll(Topics.ORDER_EVENTS, java.time.Duration.ofSeconds(1));
    }

    static boolean mentionsCrmOrderId(ConsumerRecord<String, byte[]> record, String crmOrderId) {
        return record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(crmOrderId);
    }
}
