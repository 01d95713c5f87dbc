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

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;

import com.fasterxml.jackson.core.type.TypeReference;

import io.millwright.kit.audit.OperatorActions;
import io.millwright.kit.correlation.Correlation;
import io.millwright.model.common.ModelJson;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Operator actions on dead letters: list, inspect, replay to the endpoint the message first came from, discard. */
@ApplicationScoped
public class DeadLetterOperations {

    @Inject
    OperatorActions actions;

    @Inject
    ProducerTemplate producer;

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
     * Sends the original payload and headers back to the route's consumer endpoint (a work queue, a Kafka topic, a
     * direct endpoint, ...), in this transaction where the endpoint takes part in it (a work queue does). Broker and
     * Camel bookkeeping headers are not replayed.
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
        Map<String, Object> headers = new HashMap<>(readHeaders(letter.headers));
        // Keep the record key (kafka.KEY) so a replayed record lands on the same partition; drop broker bookkeeping.
        headers.keySet().removeIf(name -> name.startsWith("Camel") || name.startsWith("kafka.") && !name.equals(KafkaConstants.KEY));
        if (letter.correlationId != null) {
            headers.putIfAbsent(Correlation.HTTP_HEADER, letter.correlationId);
        }
        // If the replayed message fails again, this dead letter is updated instead of a copy being added.
        headers.put(DeadLetter.REPLAY_HEADER, letter.id.toString());
        int occurrencesBefore = letter.occurrences;
        Exchange result = producer.send(letter.endpointUri, exchange -> {
            exchange.getMessage().setHeaders(headers);
            exchange.getMessage().setBody(letter.payload == null ? null
                    : letter.endpointUri.startsWith("kafka:") ? letter.payload : new String(letter.payload, StandardCharsets.UTF_8));
        });
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
        actions.record(OperatorActions.DEAD_LETTER_REPLAY, id.toString(), "to " + letter.endpointUri + " (route " + letter.routeId
                + ", replay " + letter.replayCount + "); now " + letter.status);
        return letter;
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
