package io.millwright.kit.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.transaction.AfterCommit;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.schema.JsonSchemas;

/**
 * Records a domain event in the caller's transaction (SPEC X7): it is published if and only if that transaction
 * commits, and the relay is woken as soon as it has. The payload is validated against the event's JSON Schema first, so an event that would break the
 * published contract fails the state change instead of reaching consumers.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    KitConfig config;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    private final Consumer<OutboxRelay> wakeRelay = OutboxRelay::wake;

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, String subject, Object data) {
        return append(type, subject, data, Correlation.current());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, String subject, Object data, String correlationId) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An event needs a subject (its business key)");
        }
        byte[] json;
        try {
            json = ModelJson.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + type + " cannot be written as JSON", e);
        }
        List<String> errors = JsonSchemas.validate(type, json);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Event " + type.type() + " for " + subject + " violates " + type.dataschema() + ": " + errors);
        }
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.eventType = type.type();
        event.topic = type.topic();
        event.subject = subject;
        event.source = DomainEvents.source(config.serviceName());
        event.data = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        event.correlationId = correlationId;
        event.traceparent = TraceContext.currentTraceparent();
        event.occurredAt = Instant.now();
        event.persist();
        afterCommit.notify(wakeRelay, relay);
        return event.id;
    }
}
