package io.millwright.kit.deadletter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
import io.millwright.kit.error.Failures;
import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.model.common.ModelJson;

/**
 * Keeps what a flow gave up on or refused, with the reason, for an operator to inspect, replay or discard. A failed
 * replay, or the same problem again under the same key, updates the existing dead letter (status NEW again,
 * {@code occurrences} + 1) instead of adding a copy.
 */
@ApplicationScoped
public class DeadLetterStore {

    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class);
    private static final int MAX_STACK_TRACE = 16_000;

    @Inject
    IdempotentRepositories idempotentRepositories;

    /**
     * Records a business rejection or a given-up message in the caller's transaction (or a new one), so the rejection
     * and the state change that goes with it (an order marked rejected, say) commit together.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public UUID record(NewDeadLetter entry) {
        Instant now = Instant.now();
        DeadLetter letter = existing(entry).orElseGet(() -> {
            DeadLetter created = new DeadLetter();
            created.id = UUID.randomUUID();
            created.routeId = entry.routeId;
            created.dedupeKey = entry.key;
            created.createdAt = now;
            created.occurrences = 0;
            return created;
        });
        boolean repeat = letter.occurrences > 0;
        letter.endpointUri = entry.replayUri;
        letter.failedEndpoint = entry.failedEndpoint;
        letter.reason = entry.reason;
        letter.exceptionType = entry.cause == null ? null : entry.cause.getClass().getName();
        letter.stackTrace = stackTrace(entry.cause);
        letter.payload = entry.payload;
        letter.headers = headersJson(Map.copyOf(entry.headers));
        letter.correlationId = entry.correlationId;
        letter.status = DeadLetter.Status.NEW;
        letter.occurrences++;
        letter.updatedAt = now;
        if (!repeat) {
            letter.persist();
            LOG.errorf("Dead letter %s from %s: %s", letter.id, letter.routeId, letter.reason);
        } else {
            LOG.errorf("Dead letter %s from %s again (%d times): %s", letter.id, letter.routeId, letter.occurrences, letter.reason);
        }
        return letter.id;
    }

    /** The dead-letter channel's target: an exchange the default route configuration gave up on, in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID store(Exchange exchange) {
        releaseIdempotencyKey(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        String correlationId = exchange.getProperty(Correlation.EXCHANGE_PROPERTY, String.class);
        Map<String, String> headers = printable(message.getHeaders());
        NewDeadLetter entry = NewDeadLetter.of(exchange.getFromRouteId() == null ? "unknown" : exchange.getFromRouteId(), Failures.reason(cause))
                .replayTo(exchange.getFromEndpoint() == null ? null : exchange.getFromEndpoint().getEndpointUri())
                .failedEndpoint(exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class))
                .cause(cause)
                .payload(payload(exchange))
                .correlationId(correlationId != null ? correlationId : Correlation.asText(message.getHeader(Correlation.HTTP_HEADER)))
                .replayOf(replayOf(headers.remove(DeadLetter.REPLAY_HEADER)));
        headers.forEach(entry::header);
        return record(entry);
    }

    private static Optional<DeadLetter> existing(NewDeadLetter entry) {
        if (entry.replayOf != null) {
            Optional<DeadLetter> replayed = DeadLetter.findByIdOptional(entry.replayOf);
            if (replayed.isPresent()) {
                return replayed;
            }
        }
        if (entry.key == null) {
            return Optional.empty();
        }
        return DeadLetter.find("routeId = ?1 and dedupeKey = ?2 and status <> ?3 order by createdAt desc", entry.routeId, entry.key,
                DeadLetter.Status.DISCARDED).firstResultOptional();
    }

    private void releaseIdempotencyKey(Exchange exchange) {
        String processor = exchange.getProperty(IdempotentRepositories.PROCESSOR_PROPERTY, String.class);
        String key = exchange.getProperty(IdempotentRepositories.KEY_PROPERTY, String.class);
        if (processor != null && key != null) {
            idempotentRepositories.forProcessor(processor).remove(key);
        }
    }

    private static UUID replayOf(String header) {
        try {
            return header == null ? null : UUID.fromString(header.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /** Headers that can be shown and replayed as text. */
    static Map<String, String> printable(Map<String, Object> headers) {
        Map<String, String> printable = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                printable.put(name, new String(bytes, StandardCharsets.UTF_8));
            } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
                printable.put(name, value.toString());
            }
        });
        return printable;
    }

    static String headersJson(Map<String, String> headers) {
        try {
            return ModelJson.mapper().writeValueAsString(new TreeMap<>(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers of a dead letter could not be written as JSON", e);
        }
    }
}
