package io.millwright.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.OrderProgress;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.order.OrderMilestone;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The relay keeps per-subject order and loses nothing while Kafka is away. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxRelayTest {

    @Inject
    OrderProgress progress;

    @Test
    void eventsOfOneSubjectArriveOnceAndInAppendOrderAcrossAKafkaOutage() {
        String orderId = "ORD-" + UUID.randomUUID();
        OrderMilestone[] milestones = OrderMilestone.values();
        List<UUID> appended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            appended.add(progress.reachMilestone(orderId, milestones[i]));
        }
        KafkaTestClient.await(Topics.ORDER_EVENTS, r -> orderId.equals(r.key()), 3, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.outboxEvents(orderId).stream()
                .allMatch(row -> row.get("published_at") != null));

        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        try {
            for (int i = 3; i < 6; i++) {
                appended.add(progress.reachMilestone(orderId, milestones[i]));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> waiting = KitTables.outboxEvents(orderId).subList(3, 6);
                assertThat(waiting).allSatisfy(row -> assertThat(row.get("published_at")).isNull());
                assertThat((Integer) waiting.get(0).get("attempts")).isPositive();
                assertThat((String) waiting.get(0).get("last_error")).isNotBlank();
            });
        } finally {
            broker.start();
        }

        KafkaTestClient.await(Topics.ORDER_EVENTS, r -> orderId.equals(r.key()), 6, Duration.ofSeconds(60));
        List<ConsumerRecord<String, byte[]>> events = KafkaTestClient.readAll(Topics.ORDER_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> orderId.equals(r.key()))
                .toList();
        assertThat(events).extracting(r -> KafkaTestClient.header(r, "ce_id"))
                .containsExactlyElementsOf(appended.stream().map(UUID::toString).toList());
        assertThat(events).extracting(r -> r.partition()).containsOnly(events.get(0).partition());
        await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.outboxEvents(orderId).stream()
                .allMatch(row -> row.get("published_at") != null));
    }

    @Test
    void unpublishableEventIsDeadLetteredWithoutHoldingUpTheEventsBehindIt() {
        String brokenOrderId = "ORD-" + UUID.randomUUID();
        UUID brokenId = UUID.randomUUID();
        // Committed before order.confirmed required erpSalesOrderNumber and confirmedAt, say: no longer publishable.
        KitTables.insertOutboxEvent(brokenId, EventType.ORDER_CONFIRMED.type(), Topics.ORDER_EVENTS, brokenOrderId,
                "{\"orderId\":\"" + brokenOrderId + "\",\"crmOrderId\":\"CRM-1\"}");
        String nextOrderId = "ORD-" + UUID.randomUUID();
        progress.confirm(nextOrderId, false);

        KafkaTestClient.await(Topics.ORDER_EVENTS, r -> nextOrderId.equals(r.key()), 1, Duration.ofSeconds(30));
        // Kafka has the record before the relay's transaction commits.
        Map<String, Object> broken = await().atMost(Duration.ofSeconds(5))
                .until(() -> KitTables.outboxEvents(brokenOrderId).get(0), row -> row.get("dead_lettered_at") != null);
        assertThat(broken.get("published_at")).isNull();
        assertThat(KitTables.deadLetters(broken.get("data").toString())).singleElement().satisfies(letter -> {
            assertThat(letter.get("route_id")).isEqualTo("kit.outbox-relay");
            assertThat((String) letter.get("reason")).contains(brokenId.toString()).contains(brokenOrderId);
            assertThat(letter.get("status")).isEqualTo("NEW");
        });
        assertThat(KafkaTestClient.readAll(Topics.ORDER_EVENTS, Duration.ofSeconds(1))).noneMatch(r -> brokenOrderId.equals(r.key()));
    }
}
