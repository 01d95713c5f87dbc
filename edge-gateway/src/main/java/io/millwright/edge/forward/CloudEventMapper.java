package io.millwright.edge.forward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * Journal entry to Kafka record: a CloudEvent in binary mode on the type's topic, key = subject = source id,
 * {@code ce_id = <source>/<sequence>} (stable across replays) and the CloudEvents {@code sequence} extension
 * ({@code ce_sequence}) carrying the per-source sequence number, so consumers dedupe and detect gaps on
 * {@code (subject, sequence)}. Machine events ({@code millwright.edge.events}) also start a trace ({@link #traceparent}).
 */
public final class CloudEventMapper {

    public static final String SEQUENCE_EXTENSION = "sequence";

    private CloudEventMapper() {
    }

    /**
     * The journal body is the event's data as the canonical record serialised it (the record's constructor enforced
     * the model's rules), and the envelope comes from the journal message's properties and line, so nothing is
     * parsed again.
     *
     * @throws UnforwardableEntryException when the entry can never become a valid event
     */
    public static ProducerRecord<String, byte[]> toRecord(String typeName, byte[] json, String plantId, String sourceId,
            long sequence, long occurredAtMillis) {
        EventType type = type(typeName);
        if (plantId == null || sourceId == null) {
            throw new UnforwardableEntryException("journal entry of type " + type + " names no plant or source");
        }
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
        if (type.topic().equals(Topics.EDGE_EVENTS)) {
            String traceparent = traceparent(plantId, sourceId, sequence);
            headers.add(header("ce_" + DomainEvents.TRACEPARENT_EXTENSION, traceparent));
            headers.add(header(DomainEvents.TRACEPARENT_HEADER, traceparent));
        }
        return new ProducerRecord<>(type.topic(), null, sourceId, json, headers);
    }

    /**
     * X1: the W3C trace context a machine event starts (sampled), derived from the plant, source and sequence number so
     * a replay of the same event carries the same trace: everything the cloud does because of this event (an incident,
     * its work request, ERP postings, orders at risk, holds) continues this trace.
     */
    public static String traceparent(String plantId, String sourceId, long sequence) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((plantId + '\n' + sourceId + '\n' + sequence).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // W3C forbids all-zero ids; a digest of all-zero bytes in either part is as likely as a collision, but cheap to rule out
        digest[15] |= 1;
        digest[23] |= 1;
        StringBuilder value = new StringBuilder(55).append("00-");
        for (int i = 0; i < 16; i++) {
            value.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
        }
        value.append('-');
        for (int i = 16; i < 24; i++) {
            value.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
        }
        return value.append("-01").toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
}
