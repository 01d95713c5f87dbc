package io.millwright.kit.workqueue;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.millwright.kit.correlation.Correlation;

/**
 * Enqueues the message in the current transaction (a new one if none is active): key from
 * {@link WorkQueues#KEY_HEADER}, ordering key from {@link WorkQueues#ORDERING_KEY_HEADER}, the body as payload.
 */
class WorkQueueProducer extends DefaultProducer {

    private final WorkQueueEndpoint endpoint;

    WorkQueueProducer(WorkQueueEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String key = message.getHeader(WorkQueues.KEY_HEADER, String.class);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A message for work queue " + endpoint.queue() + " needs the header " + WorkQueues.KEY_HEADER);
        }
        String correlationId = exchange.getProperty(Correlation.EXCHANGE_PROPERTY, String.class);
        if (correlationId == null) {
            correlationId = Correlation.asText(message.getHeader(Correlation.HTTP_HEADER));
        }
        String deadLetter = message.getHeader(WorkQueues.DEAD_LETTER_HEADER, String.class);
        endpoint.component().queues.requeue(endpoint.queue(), key, message.getBody(String.class),
                message.getHeader(WorkQueues.ORDERING_KEY_HEADER, String.class), correlationId,
                deadLetter == null || deadLetter.isBlank() ? null : UUID.fromString(deadLetter.trim()));
    }
}
