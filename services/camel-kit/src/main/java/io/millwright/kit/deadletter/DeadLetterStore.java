package io.millwright.kit.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.outbox.OutboxEvent;
import io.millwright.model.common.ModelJson;

/** Persists what a route gave up on, in its own transaction so a rolled-back business transaction cannot take it along. */
@ApplicationScoped
public class DeadLetterStore {

    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class);
    private static final int MAX_STACK_TRACE = 16_000;

    @Inject
    IdempotentRepositories idempotentRepositories;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID store(Exchange exchange) {
        releaseIdempotencyKey(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        String correlationId = exchange.getProperty(Correlation.EXCHANGE_PROPERTY, String.class);
        DeadLetter letter = persist(exchange.getFromRouteId() == null ? "unknown" : exchange.getFromRouteId(),
                exchange.getFromEndpoint() == null ? null : exchange.getFromEndpoint().getEndpointUri(),
                exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class),
                reason(cause), cause, payload(exchange), headersJson(message.getHeaders()),
                correlationId != null ? correlationId : Correlation.asText(message.getHeader(Correlation.HTTP_HEADER)));
        LOG.errorf("Dead letter %s from route %s: %s", letter.id, letter.routeId, letter.reason);
        return letter.id;
    }

    /** An outbox event that can never be published: kept with its reason so an operator can act on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID storeUnpublishable(OutboxEvent event, Exception cause) {
        DeadLetter letter = persist("kit.outbox-relay", null, "kafka:" + event.topic,
                "Outbox event " + event.id + " (" + event.eventType + ", " + event.subject + ") cannot be published: " + reason(cause),
                cause, event.data.getBytes(StandardCharsets.UTF_8),
                headersJson(Map.of("ce_id", event.id.toString(), "ce_type", event.eventType, "ce_subject", event.subject)),
                event.correlationId);
        LOG.errorf("Dead letter %s: %s", letter.id, letter.reason);
        return letter.id;
    }

    private static DeadLetter persist(String routeId, String endpointUri, String failedEndpoint, String reason, Throwable cause,
            byte[] payload, String headers, String correlationId) {
        Instant now = Instant.now();
        DeadLetter letter = new DeadLetter();
        letter.id = UUID.randomUUID();
        letter.routeId = routeId;
        letter.endpointUri = endpointUri;
        letter.failedEndpoint = failedEndpoint;
        letter.reason = reason;
        letter.exceptionType = cause == null ? null : cause.getClass().getName();
        letter.stackTrace = stackTrace(cause);
        letter.payload = payload;
        letter.headers = headers;
        letter.correlationId = correlationId;
        letter.status = DeadLetter.Status.NEW;
        letter.createdAt = now;
        letter.updatedAt = now;
        letter.persist();
        return letter;
    }

    private void releaseIdempotencyKey(Exchange exchange) {
        String processor = exchange.getProperty(IdempotentRepositories.PROCESSOR_PROPERTY, String.class);
        String key = exchange.getProperty(IdempotentRepositories.KEY_PROPERTY, String.class);
        if (processor != null && key != null) {
            idempotentRepositories.forProcessor(processor).remove(key);
        }
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "Unknown failure (no exception recorded)";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + ": " + (message == null ? "(no message)" : message);
    }

    private static String stackTrace(Throwable cause) {
        if (cause == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > MAX_STACK_TRACE ? text.substring(0, MAX_STACK_TRACE) : text;
    }

    private static byte[] payload(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] converted = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
        if (converted != null && !(body.getClass().getName().startsWith("io.millwright"))) {
            return converted;
        }
        try {
            return ModelJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        }
    }

    static String headersJson(Map<String, Object> headers) {
        Map<String, String> printable = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                printable.put(name, new String(bytes, StandardCharsets.UTF_8));
            } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
                printable.put(name, value.toString());
            }
        });
        try {
            return ModelJson.mapper().writeValueAsString(printable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers of a dead letter could not be written as JSON", e);
        }
    }
}
