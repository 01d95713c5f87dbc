package io.millwright.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.millwright.kit.correlation.Correlation;

/**
 * What a flow records with {@link DeadLetterStore#record}: a business rejection or a message it gave up on, the
 * reason an operator reads, the payload and where a replay sends it. A {@link #key(String) key} makes repeats of the
 * same problem one dead letter (its {@code occurrences} count goes up) instead of a pile of copies.
 */
public final class NewDeadLetter {

    final String routeId;
    final String reason;
    String replayUri;
    String failedEndpoint;
    Throwable cause;
    byte[] payload;
    final Map<String, String> headers = new LinkedHashMap<>();
    String correlationId = Correlation.current();
    String key;
    UUID replayOf;

    private NewDeadLetter(String routeId, String reason) {
        this.routeId = routeId;
        this.reason = reason;
    }

    /** @param routeId the flow that gave up, e.g. {@code production.mes-dispatch} */
    public static NewDeadLetter of(String routeId, String reason) {
        return new NewDeadLetter(routeId, reason);
    }

    /** Where an operator's replay sends the payload and headers (a work queue, a direct or Kafka endpoint). */
    public NewDeadLetter replayTo(String endpointUri) {
        this.replayUri = endpointUri;
        return this;
    }

    /** The system or endpoint that refused it, for the operator. */
    public NewDeadLetter failedEndpoint(String failedEndpoint) {
        this.failedEndpoint = failedEndpoint;
        return this;
    }

    public NewDeadLetter cause(Throwable cause) {
        this.cause = cause;
        return this;
    }

    public NewDeadLetter payload(String payload) {
        this.payload = payload == null ? null : payload.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public NewDeadLetter payload(byte[] payload) {
        this.payload = payload;
        return this;
    }

    public NewDeadLetter header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public NewDeadLetter correlationId(String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    /** Business key of the problem within the route: the same route and key again updates the same dead letter. */
    public NewDeadLetter key(String key) {
        this.key = key;
        return this;
    }

    /** The dead letter this is a failed replay of: it is updated and shown as new again, never copied. */
    public NewDeadLetter replayOf(UUID deadLetterId) {
        this.replayOf = deadLetterId;
        return this;
    }
}
