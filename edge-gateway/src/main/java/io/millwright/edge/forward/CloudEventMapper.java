package io.millwright.edge.forward;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.millwright.edge.store.JournalWriter;
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
@Unremovable
@ApplicationScoped
public class CloudEventMapper {

    public static final String SEQUENCE_EXTENSION = "sequence";

    /** Replaces the exchange's headers (JMS ones must not leak to Kafka) with the record's. */
    public void toKafkaRecord(Exchange exchange) {
        Message in = exchange.getMessage();
        String typeName = in.getHeader(JournalWriter.TYPE, String.class);
        if (typeName == null) {
            throw new UnforwardableEntryException("journal entry has no " + JournalWriter.TYPE + " property");
        }
        EventType type;
        try {
            type = EventType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new UnforwardableEntryException("unknown event type " + typeName);
        }
        SourceSequenced data = read(in.getBody(String.class), type);
        String plantId = data.plantId();
        CloudEvent event = DomainEvents.toCloudEvent(type, DomainEvents.source("edge-gateway:" + plantId),
                data.sourceId() + "/" + data.sequenceNumber(), data.sourceId(), data,
                sampledAt(data), null, null);
        event = CloudEventBuilder.v1(event).withExtension(SEQUENCE_EXTENSION, String.valueOf(data.sequenceNumber())).build();
        byte[] value = event.getData().toBytes();
        Map<String, byte[]> headers = DomainEvents.kafkaHeaders(event);
        in.removeHeaders("*");
        headers.forEach(in::setHeader);
        in.setHeader(KafkaConstants.KEY, data.sourceId());
        in.setHeader(KafkaConstants.OVERRIDE_TOPIC, type.topic());
        in.setBody(value);
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

    private static Instant sampledAt(SourceSequenced data) {
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
}
