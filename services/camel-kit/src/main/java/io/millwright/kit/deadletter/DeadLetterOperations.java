package io.millwright.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;

import com.fasterxml.jackson.core.type.TypeReference;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.kit.correlation.Correlation;
import io.millwright.model.common.ModelJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Operator actions on dead letters: list, inspect, replay to the endpoint the message first came from, discard. */
@ApplicationScoped
public class DeadLetterOperations {

    @Inject
    OperatorActions actions;

    @Inject
    ProducerTemplate producer;

    @Inject
    CamelContext camel;

    public List<DeadLetter> list(DeadLetter.Status status, String routeId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (routeId != null && !routeId.isBlank()) {
            query.append(" and routeId = :routeId");
            params.put("routeId", routeId);
        }
        return DeadLetter.<DeadLetter> find(query.toString(), Sort.descending("createdAt"), params)
                .page(Page.ofSize(Math.max(1, Math.min(limit, 1000)))).list();
    }

    public Optional<DeadLetter> get(UUID id) {
        return DeadLetter.findByIdOptional(id);
    }

    public long countNew() {
        return DeadLetter.count("status", DeadLetter.Status.NEW);
    }

    /**
     * Sends the original payload and headers back to the route's consumer endpoint (a work queue, a direct endpoint,
     * ...), in this transaction where the endpoint takes part in it (a work queue does). A message a route consumed
     * from Kafka is not written back to its topic (the service may only read topics it consumes, and the topic's
     * other consumers have it already): the stored record runs through the consuming route again, outside this
     * transaction, as if the route had just polled it. Camel bookkeeping headers are not replayed.
     */
    @Transactional
    public DeadLetter replay(UUID id) {
        DeadLetter letter = DeadLetter.<DeadLetter> findByIdOptional(id)
                .orElseThrow(() -> new IllegalArgumentException("No dead letter " + id));
        if (letter.status == DeadLetter.Status.DISCARDED) {
            throw new ClientErrorException("Dead letter " + id + " was discarded", Response.Status.CONFLICT);
        }
        if (letter.endpointUri == null) {
            throw new ClientErrorException("Dead letter " + id + " has no source endpoint to replay to", Response.Status.CONFLICT);
        }
        boolean fromKafka = letter.endpointUri.startsWith("kafka:");
        Map<String, Object> headers = new HashMap<>(readHeaders(letter.headers));
        headers.keySet().removeIf(name -> name.startsWith("Camel"));
        if (letter.correlationId != null && !fromKafka) { // a record carries its own (ce_correlationid)
            headers.putIfAbsent(Correlation.HTTP_HEADER, letter.correlationId);
        }
        // If the replayed message fails again, this dead letter is updated instead of a copy being added.
        headers.put(DeadLetter.REPLAY_HEADER, letter.id.toString());
        int occurrencesBefore = letter.occurrences;
        Exchange result;
        if (fromKafka) {
            Route route = camel.getRoute(letter.routeId);
            if (route == null) {
                throw new ClientErrorException("Dead letter " + id + " came from route " + letter.routeId
                        + ", which this service no longer has", Response.Status.CONFLICT);
            }
            result = QuarkusTransaction.suspendingExisting().call(() -> throughRoute(route, headers, letter.payload));
        } else {
            result = producer.send(letter.endpointUri, exchange -> {
                exchange.getMessage().setHeaders(headers);
                exchange.getMessage().setBody(letter.payload == null ? null : new String(letter.payload, StandardCharsets.UTF_8));
            });
        }
        if (result.getException() != null) {
            throw new IllegalStateException("Replay of " + id + " failed: " + result.getException().getMessage(), result.getException());
        }
        // A synchronous endpoint (direct) may have failed again already and updated this dead letter meanwhile.
        DeadLetter.getEntityManager().refresh(letter);
        letter.replayCount++;
        if (letter.occurrences == occurrencesBefore) {
            letter.status = DeadLetter.Status.REPLAYED;
        }
        letter.updatedAt = Instant.now();
        actions.record(OperatorActions.DEAD_LETTER_REPLAY, id.toString(), (fromKafka ? "through route " + letter.routeId + " from "
                : "to ") + letter.endpointUri + " (route " + letter.routeId
                + ", replay " + letter.replayCount + "); now " + letter.status);
        return letter;
    }

    /** Runs a record through a Kafka-fed route as its consumer would: same endpoint, route id and error handling. */
    private static Exchange throughRoute(Route route, Map<String, Object> headers, byte[] payload) throws Exception {
        Consumer consumer = route.getConsumer();
        Exchange exchange = consumer.createExchange(false);
        try {
            // Record headers reach a Kafka-fed route as bytes (CloudEvent attributes among them), Camel's own as values.
            headers.replaceAll((name, value) -> name.startsWith("kafka.") || name.equals(DeadLetter.REPLAY_HEADER)
                    || !(value instanceof String text) ? value : text.getBytes(StandardCharsets.UTF_8));
            exchange.getMessage().setHeaders(headers);
            exchange.getMessage().setBody(payload);
            consumer.getProcessor().process(exchange);
            return exchange;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    @Transactional
    public DeadLetter discard(UUID id) {
        DeadLetter letter = DeadLetter.<DeadLetter> findByIdOptional(id)
                .orElseThrow(() -> new IllegalArgumentException("No dead letter " + id));
        letter.status = DeadLetter.Status.DISCARDED;
        letter.updatedAt = Instant.now();
        actions.record(OperatorActions.DEAD_LETTER_DISCARD, id.toString(), "route " + letter.routeId + ": " + letter.reason);
        return letter;
    }

    private static Map<String, String> readHeaders(String json) {
        try {
            return ModelJson.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("Stored headers are not a JSON object", e);
        }
    }
}
