package io.millwright.edge.forward;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.millwright.model.common.ModelJson;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.MachineStateChange;
import io.millwright.model.edge.SourceSequenced;
import io.millwright.model.edge.TelemetryAggregate;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;

/**
 * Journal entry to Kafka record: a CloudEvent in binary mode on the type's topic, key = subject = source id,
 * {@code ce_id = <source>/<sequence>} (stable across replays) and the CloudEvents {@code sequence} extension
 * ({@code ce_sequence}) carrying the per-source sequence number, so consumers dedupe and detect gaps on
 * {@code (subject, sequence)}.
 */
public final class CloudEventMapper {

    public static final String SEQUENCE_EXTENSION = "sequence";

    private CloudEventMapper() {
    }

    /**
     * The fast path for entries written by this version: the journal body is the event's data as the canonical
     * record serialised it (the record's constructor enforced the model's rules), and the envelope comes from the
     * entry's properties, so nothing is parsed again. Entries missing a property (written by an earlier version)
     * take {@link #toRecord(String, String)}.
     *
     * @throws UnforwardableEntryException when the entry can never become a valid event
     */
    public static ProducerRecord<String, byte[]> toRecord(String typeName, byte[] json, String plantId, String sourceId,
            Long sequence, Long occurredAtMillis) {
        if (plantId == null || sourceId == null || sequence == null || occurredAtMillis == null) {
            return toRecord(typeName, json == null ? null : new String(json, StandardCharsets.UTF_8));
        }
        EventType type = type(typeName);
        if (json == null || isBlank(json)) {
            throw new UnforwardableEntryException("journal entry of type " + type + " has an empty body");
        }
        // the CloudEvents Kafka binary mode, written directly (CloudEventMapperTest checks it matches the SDK's);
        // values that are the same for every record of a type or plant are encoded once
        byte[][] constant = TYPE_HEADERS.get(type);
        List<Header> headers = new ArrayList<>(9);
        headers.add(new RecordHeader("ce_specversion", constant[0]));
        headers.add(header("ce_id", sourceId + "/" + sequence));
        headers.add(new RecordHeader("ce_source", SOURCES.computeIfAbsent(plantId,
                p -> DomainEvents.source("edge-gateway:" + p).getBytes(StandardCharsets.UTF_8))));
        headers.add(new RecordHeader("ce_type", constant[1]));
        headers.add(new RecordHeader("content-type", constant[2]));
        headers.add(new RecordHeader("ce_dataschema", constant[3]));
        headers.add(header("ce_subject", sourceId));
        headers.add(header("ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(occurredAtMillis).atOffset(ZoneOffset.UTC))));
        headers.add(header("ce_" + SEQUENCE_EXTENSION, Long.toString(sequence)));
        return new ProducerRecord<>(type.topic(), null, sourceId, json, headers);
    }

    /** The same with the data as text. */
    public static ProducerRecord<String, byte[]> toRecord(String typeName, String json, String plantId, String sourceId,
            Long sequence, Long occurredAtMillis) {
        return toRecord(typeName, json == null ? null : json.getBytes(StandardCharsets.UTF_8), plantId, sourceId, sequence, occurredAtMillis);
    }

    private static final Map<EventType, byte[][]> TYPE_HEADERS = new EnumMap<>(EventType.class);
    private static final Map<String, byte[]> SOURCES = new ConcurrentHashMap<>();

    static {
        for (EventType type : EventType.values()) {
            TYPE_HEADERS.put(type, new byte[][] {
                    "1.0".getBytes(StandardCharsets.UTF_8),
                    type.type().getBytes(StandardCharsets.UTF_8),
                    DomainEvents.DATA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8),
                    type.dataschema().toString().getBytes(StandardCharsets.UTF_8)});
        }
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The full path: parses the body into its canonical record and builds a schema-validated event from it.
     *
     * @param typeName the entry's {@link EventType} name, as the journal writer stored it
     * @param json     the entry's payload
     * @throws UnforwardableEntryException when the entry can never become a valid event
     */
    public static ProducerRecord<String, byte[]> toRecord(String typeName, String json) {
        EventType type = type(typeName);
        SourceSequenced data = read(json, type);
        CloudEvent event;
        try {
            event = DomainEvents.toCloudEvent(type, DomainEvents.source("edge-gateway:" + data.plantId()),
                    data.sourceId() + "/" + data.sequenceNumber(), data.sourceId(), data, occurredAt(data), null, null);
        } catch (RuntimeException e) {
            throw new UnforwardableEntryException("journal entry is not a valid " + type + " event: " + e.getMessage());
        }
        event = CloudEventBuilder.v1(event).withExtension(SEQUENCE_EXTENSION, String.valueOf(data.sequenceNumber())).build();
        return record(type, data.sourceId(), event);
    }

    /** When the entry's payload says it happened: sampled, changed, raised, or the window's end. */
    public static Instant occurredAt(SourceSequenced data) {
        if (data instanceof TelemetrySample sample) {
            return sample.sampledAt();
        }
        if (data instanceof MachineStateChange change) {
            return change.changedAt();
        }
        if (data instanceof MachineAlert alert) {
            return alert.raisedAt();
        }
        if (data instanceof TelemetryAggregate aggregate) {
            return aggregate.windowEnd();
        }
        return Instant.now();
    }

    private static ProducerRecord<String, byte[]> record(EventType type, String sourceId, CloudEvent event) {
        List<Header> headers = new ArrayList<>();
        DomainEvents.kafkaHeaders(event).forEach((name, value) -> headers.add(new RecordHeader(name, value)));
        return new ProducerRecord<>(type.topic(), null, sourceId, event.getData().toBytes(), headers);
    }

    private static EventType type(String typeName) {
        if (typeName == null) {
            throw new UnforwardableEntryException("journal entry has no event type");
        }
        try {
            return EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new UnforwardableEntryException("unknown event type " + typeName);
        }
    }

    private static SourceSequenced read(String json, EventType type) {
        if (json == null || json.isBlank()) {
            throw new UnforwardableEntryException("journal entry of type " + type + " has an empty body");
        }
        try {
            return (SourceSequenced) ModelJson.mapper().readValue(json, type.payloadClass());
        } catch (IOException | RuntimeException e) {
            throw new UnforwardableEntryException("journal entry is not a valid " + type.payloadClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
