package io.millwright.model.event;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.millwright.model.common.ModelJson;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.order.OrderConfirmed;
import io.millwright.model.samples.Samples;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DomainEventsTest {

    private static final String SOURCE = "urn:millwright:order-service";
    private static final String EVENT_ID = "0b6f3c1e-6a55-4c39-9c8e-1f4d1f0f7a01";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Instant TIME = Instant.parse("2025-03-14T08:15:31.456Z");

    private static CloudEvent orderAccepted(String correlationId, String traceparent) {
        return DomainEvents.toCloudEvent(EventType.ORDER_ACCEPTED, SOURCE, EVENT_ID, "SO-7f3a9c", Samples.ORDER_ACCEPTED,
                TIME, correlationId, traceparent);
    }

    @Test
    void buildsACloudEventWithAllMillwrightAttributes() throws Exception {
        CloudEvent event = orderAccepted("corr-42", TRACEPARENT);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(EVENT_ID);
        assertThat(event.getSource()).isEqualTo(URI.create(SOURCE));
        assertThat(event.getType()).isEqualTo("io.millwright.order.accepted");
        assertThat(event.getSubject()).isEqualTo("SO-7f3a9c");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.of(2025, 3, 14, 8, 15, 31, 456_000_000, ZoneOffset.UTC));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getDataSchema()).isEqualTo(URI.create("https://millwright.io/schemas/events/order.accepted/v1.json"));
        assertThat(event.getExtension("correlationid")).isEqualTo("corr-42");
        assertThat(event.getExtension("traceparent")).isEqualTo(TRACEPARENT);
        assertThat(event.getData().toBytes()).isEqualTo(ModelJson.mapper().writeValueAsBytes(Samples.ORDER_ACCEPTED));
    }

    @Test
    void producerRecordIsBinaryModeKeyedBySubjectOnTheTypesTopic() {
        ProducerRecord<String, byte[]> record = DomainEvents.toProducerRecord(orderAccepted("corr-42", TRACEPARENT));

        assertThat(record.topic()).isEqualTo("millwright.order.events");
        assertThat(record.key()).isEqualTo("SO-7f3a9c");
        assertThat(record.partition()).isNull();
        assertThat(record.timestamp()).isNull();
        assertThat(header(record.headers(), "ce_id")).isEqualTo(EVENT_ID);
        assertThat(header(record.headers(), "ce_type")).isEqualTo("io.millwright.order.accepted");
        assertThat(header(record.headers(), "ce_source")).isEqualTo(SOURCE);
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_subject")).isEqualTo("SO-7f3a9c");
        assertThat(header(record.headers(), "ce_dataschema"))
                .isEqualTo("https://millwright.io/schemas/events/order.accepted/v1.json");
        assertThat(Instant.parse(header(record.headers(), "ce_time"))).isEqualTo(TIME);
        assertThat(header(record.headers(), "ce_correlationid")).isEqualTo("corr-42");
        assertThat(header(record.headers(), "ce_traceparent")).isEqualTo(TRACEPARENT);
        // Binary mode carries datacontenttype in the plain content-type header, not as ce_datacontenttype.
        assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("ce_datacontenttype")).isNull();
        assertThat(header(record.headers(), "traceparent")).isEqualTo(TRACEPARENT);
    }

    @Test
    void valueIsThePayloadJsonItself() throws Exception {
        ProducerRecord<String, byte[]> record = DomainEvents.toProducerRecord(orderAccepted(null, null));

        assertThat(ModelJson.mapper().readValue(record.value(), OrderAccepted.class)).isEqualTo(Samples.ORDER_ACCEPTED);
    }

    @Test
    void optionalExtensionsAndTraceHeaderAreAbsentWhenNotGiven() {
        ProducerRecord<String, byte[]> record = DomainEvents.toProducerRecord(orderAccepted(null, null));

        assertThat(record.headers().lastHeader("ce_correlationid")).isNull();
        assertThat(record.headers().lastHeader("ce_traceparent")).isNull();
        assertThat(record.headers().lastHeader("traceparent")).isNull();
        assertThat(header(record.headers(), "ce_id")).isEqualTo(EVENT_ID);
    }

    @Test
    void consumerReadsBackAnEqualEventAndEqualTypedData() {
        CloudEvent sent = orderAccepted("corr-42", TRACEPARENT);

        CloudEvent received = DomainEvents.fromConsumerRecord(asConsumed(DomainEvents.toProducerRecord(sent)));

        assertThat(received).isEqualTo(sent);
        OrderAccepted data = DomainEvents.data(received);
        assertThat(data).isEqualTo(Samples.ORDER_ACCEPTED);
        assertThat(DomainEvents.data(received, OrderAccepted.class)).isEqualTo(Samples.ORDER_ACCEPTED);
        assertThat(DomainEvents.dataTree(received).path("crmOrderId").asText()).isEqualTo("CRM-2025-000123");
    }

    @Test
    void kafkaHeadersAreExactlyWhatTheProducerRecordCarriesAndReadBack() {
        CloudEvent sent = orderAccepted("corr-42", TRACEPARENT);
        ProducerRecord<String, byte[]> record = DomainEvents.toProducerRecord(sent);

        Map<String, byte[]> headers = DomainEvents.kafkaHeaders(sent);

        assertThat(headers.keySet()).containsExactlyInAnyOrder("ce_id", "ce_type", "ce_source", "ce_specversion",
                "ce_subject", "ce_time", "ce_dataschema", "ce_correlationid", "ce_traceparent", "content-type",
                "traceparent");
        for (Header header : record.headers()) {
            assertThat(headers.get(header.key())).as(header.key()).isEqualTo(header.value());
        }
        assertThat(DomainEvents.fromKafkaHeaders(headers, record.value())).isEqualTo(sent);
    }

    @TestFactory
    Stream<DynamicTest> everyEventTypeSurvivesTheKafkaRoundTrip() {
        return Stream.of(EventType.values()).map(type -> DynamicTest.dynamicTest(type.shortName(), () -> {
            Object payload = Samples.of(type.payloadClass());
            CloudEvent sent = DomainEvents.toCloudEvent(type, DomainEvents.source("test"), "id-" + type.name(),
                    "key-" + type.name(), payload, TIME, "corr-1", null);

            ProducerRecord<String, byte[]> record = DomainEvents.toProducerRecord(sent);
            CloudEvent received = DomainEvents.fromConsumerRecord(asConsumed(record));

            assertThat(record.topic()).isEqualTo(type.topic());
            assertThat(received).isEqualTo(sent);
            assertThat((Object) DomainEvents.data(received)).isEqualTo(payload);
        }));
    }

    @Test
    void rejectsDataOfAnotherType() {
        assertThatThrownBy(() -> DomainEvents.toCloudEvent(EventType.ORDER_ACCEPTED, SOURCE, EVENT_ID, "SO-7f3a9c",
                Samples.ORDER_CONFIRMED, TIME, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OrderAccepted.class.getName())
                .hasMessageContaining(OrderConfirmed.class.getName());
    }

    @Test
    void rejectsASourceOutsideTheMillwrightNamespace() {
        assertThatThrownBy(() -> DomainEvents.toCloudEvent(EventType.ORDER_ACCEPTED, "order-service", EVENT_ID,
                "SO-7f3a9c", Samples.ORDER_ACCEPTED, TIME, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
        assertThat(DomainEvents.source("order-service")).isEqualTo(SOURCE);
    }

    @Test
    void rejectsMissingIdAndSubject() {
        assertThatThrownBy(() -> DomainEvents.toCloudEvent(EventType.ORDER_ACCEPTED, SOURCE, " ", "SO-7f3a9c",
                Samples.ORDER_ACCEPTED, TIME, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> DomainEvents.toCloudEvent(EventType.ORDER_ACCEPTED, SOURCE, EVENT_ID, null,
                Samples.ORDER_ACCEPTED, TIME, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("subject");
    }

    @Test
    void dataOfAnEventWithoutDataIsAClearError() {
        CloudEvent withoutData = io.cloudevents.core.builder.CloudEventBuilder.v1(orderAccepted(null, null))
                .withoutData().build();

        assertThatThrownBy(() -> DomainEvents.data(withoutData, OrderAccepted.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EVENT_ID)
                .hasMessageContaining("no data");
    }

    @Test
    void dataThatDoesNotFitTheRecordIsAClearError() {
        CloudEvent garbled = io.cloudevents.core.builder.CloudEventBuilder.v1(orderAccepted(null, null))
                .withData("application/json", "{\"orderId\":\"SO-1\"}".getBytes(UTF_8)).build();

        assertThatThrownBy(() -> DomainEvents.data(garbled))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderAccepted")
                .hasMessageContaining("crmOrderId is required");
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        return new ConsumerRecord<>(record.topic(), 3, 42L, TIME.toEpochMilli(), TimestampType.CREATE_TIME,
                record.key().length(), record.value().length, record.key(), record.value(), headers, Optional.empty());
    }

    private static String header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        assertThat(header).as("header %s", key).isNotNull();
        return new String(header.value(), UTF_8);
    }
}
