package io.millwright.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.OrderProgress;
import io.millwright.kit.testapp.SimulatedOutageException;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.schema.JsonSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** SPEC X7: an event appended in a transaction is published if and only if that transaction commits. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxWriterTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    @Inject
    OrderProgress progress;

    @Inject
    OutboxWriter writer;

    @Test
    void committedEventIsPublishedOnceAsCloudEventKeyedBySubject() {
        String orderId = newOrderId();

        UUID eventId = progress.confirm(orderId, false);

        ConsumerRecord<String, byte[]> record = KafkaTestClient.await(Topics.ORDER_EVENTS, r -> orderId.equals(r.key()), 1, PUBLISHED)
                .get(0);
        assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("io.millwright.order.confirmed");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("urn:millwright:kit-test");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(orderId);
        assertThat(KafkaTestClient.header(record, "ce_dataschema"))
                .isEqualTo("https://millwright.io/schemas/events/order.confirmed/v1.json");
        assertThat(JsonSchemas.validate(EventType.ORDER_CONFIRMED, record.value())).isEmpty();
        OrderConfirmed data = DomainEvents.data(DomainEvents.fromConsumerRecord(record));
        assertThat(data.orderId()).isEqualTo(orderId);
        assertThat(data.erpSalesOrderNumber()).isEqualTo("SO-" + orderId);

        assertThat(KitTables.orderProgressRows(orderId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(KitTables.outboxEvents(orderId))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("id")).isEqualTo(eventId);
                    assertThat(row.get("published_at")).isNotNull();
                }));
        assertThat(eventsOnKafka(orderId)).hasSize(1);
    }

    @Test
    void rolledBackTransactionLeavesNeitherItsRowNorItsEvent() {
        String orderId = newOrderId();

        assertThatThrownBy(() -> progress.confirm(orderId, true)).isInstanceOf(SimulatedOutageException.class);

        // The relay publishes in commit order: once an event committed afterwards is on Kafka, the relay has
        // long passed the place where the rolled-back event would have been.
        String laterOrderId = newOrderId();
        progress.confirm(laterOrderId, false);
        KafkaTestClient.await(Topics.ORDER_EVENTS, r -> laterOrderId.equals(r.key()), 1, PUBLISHED);

        assertThat(eventsOnKafka(orderId)).isEmpty();
        assertThat(KitTables.outboxEvents(orderId)).isEmpty();
        assertThat(KitTables.orderProgressRows(orderId)).isZero();
    }

    @Test
    void eventViolatingItsSchemaFailsTheAppendAndTheBusinessChange() {
        String orderId = newOrderId();

        assertThatThrownBy(() -> progress.confirmWithInvalidEvent(orderId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.millwright.order.confirmed")
                .hasMessageContaining(orderId)
                .hasMessageContaining("erpSalesOrderNumber");

        assertThat(KitTables.orderProgressRows(orderId)).isZero();
        assertThat(KitTables.outboxEvents(orderId)).isEmpty();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        String orderId = newOrderId();
        OrderConfirmed data = new OrderConfirmed(orderId, "CRM-" + orderId, "SO-" + orderId, Instant.now());

        assertThatThrownBy(() -> writer.append(EventType.ORDER_CONFIRMED, orderId, data))
                .isInstanceOf(TransactionalException.class);

        assertThat(KitTables.outboxEvents(orderId)).isEmpty();
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOnKafka(String subject) {
        return KafkaTestClient.readAll(Topics.ORDER_EVENTS, Duration.ofSeconds(1)).stream()
                .filter(r -> subject.equals(r.key()))
                .toList();
    }

    private static String newOrderId() {
        return "ORD-" + UUID.randomUUID();
    }
}
