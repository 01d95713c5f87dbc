package io.millwright.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Require;
import io.millwright.model.schema.JsonSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Building, writing and reading Millwright domain events as CloudEvents 1.0 in Kafka binary mode:
 * attributes in {@code ce_*} headers, JSON data as the record value, subject as the record key.
 */
public final class DomainEvents {

    public static final String SOURCE_PREFIX = "urn:millwright:";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String CORRELATION_ID_EXTENSION = "correlationid";
    public static final String TRACEPARENT_EXTENSION = "traceparent";
    /** Plain W3C header next to {@code ce_traceparent}, so tracing agents that know nothing of CloudEvents pick it up. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    private DomainEvents() {
    }

    /** {@code urn:millwright:<name>}, e.g. {@code source("order-service")}. */
    public static String source(String serviceOrDomain) {
        return SOURCE_PREFIX + Require.nonBlank(serviceOrDomain, "serviceOrDomain");
    }

    /**
     * Builds the event; {@code data} must be an instance of the type's payload class and is checked
     * against its JSON Schema, so nothing invalid is ever published.
     *
     * @param source        {@code urn:millwright:<service-or-domain>}, see {@link #source(String)}
     * @param id            stable id: a retry or outbox replay of the same fact must reuse it
     * @param subject       business key; also the Kafka key, which orders events per key
     * @param correlationId nullable
     * @param traceparent   nullable W3C trace context of the producing span
     * @throws IllegalArgumentException if the data does not match the type or its schema
     */
    public static CloudEvent toCloudEvent(EventType type, String source, String id, String subject, Object data,
            Instant time, String correlationId, String traceparent) {
        Require.nonNull(type, "type");
        Require.nonBlank(source, "source");
        if (!source.startsWith(SOURCE_PREFIX) || source.length() == SOURCE_PREFIX.length()) {
            throw new IllegalArgumentException("source must look like " + SOURCE_PREFIX + "<service>, was '" + source + "'");
        }
        Require.nonBlank(id, "id");
        Require.nonBlank(subject, "subject");
        Require.nonNull(data, "data");
        Require.nonNull(time, "time");
        Require.nonBlankIfPresent(correlationId, "correlationId");
        Require.nonBlankIfPresent(traceparent, "traceparent");
        if (!type.payloadClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadClass().getName()
                    + ", not " + data.getClass().getName());
        }
        byte[] json = writeJson(data);
        List<String> errors = JsonSchemas.validate(type, json);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("data of " + type.type() + " " + id + " violates "
                    + type.dataschema() + ": " + String.join("; ", errors));
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type.type())
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withDataSchema(type.dataschema())
                .withData(json);
        if (correlationId != null) {
            builder.withExtension(CORRELATION_ID_EXTENSION, correlationId);
        }
        if (traceparent != null) {
            builder.withExtension(TRACEPARENT_EXTENSION, traceparent);
        }
        return builder.build();
    }

    /** Binary-mode record for the event type's topic: key = subject, value = JSON data, {@code ce_*} headers. */
    public static ProducerRecord<String, byte[]> toProducerRecord(CloudEvent event) {
        Require.nonNull(event, "event");
        String topic = EventType.fromType(event.getType()).topic();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(topic, null, null, event.getSubject())
                .writeBinary(event);
        Object traceparent = event.getExtension(TRACEPARENT_EXTENSION);
        if (traceparent != null) {
            record.headers().add(TRACEPARENT_HEADER, traceparent.toString().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * Exactly the headers {@link #toProducerRecord(CloudEvent)} writes ({@code ce_*}, {@code content-type},
     * {@code traceparent}), for transports that set Kafka headers themselves (e.g. a Camel Kafka producer).
     */
    public static Map<String, byte[]> kafkaHeaders(CloudEvent event) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : toProducerRecord(event).headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    public static CloudEvent fromConsumerRecord(ConsumerRecord<String, byte[]> record) {
        Require.nonNull(record, "record");
        return KafkaMessageFactory.createReader(record).toEvent();
    }

    /** Counterpart of {@link #kafkaHeaders(CloudEvent)} for transports that hand over headers and value separately. */
    public static CloudEvent fromKafkaHeaders(Map<String, byte[]> headers, byte[] value) {
        Require.nonNull(headers, "headers");
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach(kafkaHeaders::add);
        return KafkaMessageFactory.createReader(kafkaHeaders, value).toEvent();
    }

    /** @throws IllegalArgumentException if the event has no data or it cannot be read as {@code type} */
    public static <T> T data(CloudEvent event, Class<T> type) {
        Require.nonNull(event, "event");
        Require.nonNull(type, "type");
        CloudEventData data = event.getData();
        if (data == null) {
            throw new IllegalArgumentException("event " + event.getId() + " (" + event.getType() + ") has no data");
        }
        try {
            return ModelJson.mapper().readValue(data.toBytes(), type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("data of event " + event.getId() + " (" + event.getType()
                    + ") is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Typed data, with the class taken from the event's type. */
    @SuppressWarnings("unchecked")
    public static <T> T data(CloudEvent event) {
        Require.nonNull(event, "event");
        return (T) data(event, EventType.fromType(event.getType()).payloadClass());
    }

    /** The event's data as a JSON tree, for consumers that only read a few fields. */
    public static JsonNode dataTree(CloudEvent event) {
        return data(event, JsonNode.class);
    }

    private static byte[] writeJson(Object data) {
        try {
            return ModelJson.mapper().writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data.getClass().getName() + " as JSON", e);
        }
    }
}
