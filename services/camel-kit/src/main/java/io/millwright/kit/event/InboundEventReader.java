package io.millwright.kit.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.cloudevents.CloudEvent;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.model.event.DomainEvents;

/**
 * Reads the CloudEvent (Kafka binary mode) of a Camel Kafka exchange with {@link DomainEvents#fromConsumerRecord}.
 * {@link #describe} first puts the event's type and id on the exchange, so routes filter and deduplicate before
 * the data is parsed. Anything unreadable is not retryable: it goes to the dead-letter store with the reason.
 */
@ApplicationScoped
public class InboundEventReader {

    public static final String TYPE_PROPERTY = "millwright.event.type";
    public static final String ID_PROPERTY = "millwright.event.id";

    public void describe(Exchange exchange) {
        Message message = exchange.getMessage();
        exchange.setProperty(TYPE_PROPERTY, text(message.getHeader("ce_type")));
        exchange.setProperty(ID_PROPERTY, text(message.getHeader("ce_id")));
    }

    public CloudEvent read(Exchange exchange) {
        Message message = exchange.getMessage();
        if (exchange.getProperty(ID_PROPERTY) == null) {
            throw new NonRetryableException("Event without ce_id (type " + exchange.getProperty(TYPE_PROPERTY) + ")");
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                message.getHeader(KafkaConstants.TOPIC, "", String.class),
                message.getHeader(KafkaConstants.PARTITION, 0, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, 0L, Long.class),
                message.getHeader(KafkaConstants.KEY, String.class),
                message.getBody(byte[].class));
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            if (header.getValue() instanceof byte[] bytes) {
                record.headers().add(header.getKey(), bytes);
            }
        }
        try {
            return DomainEvents.fromConsumerRecord(record);
        } catch (RuntimeException e) {
            throw new NonRetryableException("Not a readable CloudEvent: " + e.getMessage(), e);
        }
    }

    /** Typed data of the event; unreadable data is not retryable. */
    public static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return DomainEvents.data(event, type);
        } catch (IllegalArgumentException e) {
            throw new NonRetryableException(e.getMessage(), e);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
