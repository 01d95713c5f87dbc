package io.millwright.kit.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.millwright.kit.config.KitConfig;
import io.millwright.kit.deadletter.DeadLetterStore;
import io.millwright.kit.correlation.TraceContext;
import io.opentelemetry.context.Scope;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Page;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode), oldest first. One relay per service
 * works at a time (a PostgreSQL advisory lock), so per-key order survives several replicas. A row is marked
 * published only after Kafka acknowledged it (acks=all, idempotent producer); on the first failure the batch
 * stops, so later events never overtake an earlier one. A crash between the acknowledgement and the commit
 * re-sends the same event with the same ce_id: delivery is at-least-once, and consumers dedupe on ce_id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    ProducerTemplate producer;

    @Inject
    EntityManager entityManager;

    @Inject
    KitConfig config;

    @Inject
    DeadLetterStore deadLetters;

    private final Counter published;
    private final Counter failures;

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        this.published = Counter.builder("millwright.outbox.published").description("Events published from the outbox").register(registry);
        this.failures = Counter.builder("millwright.outbox.publish.failures").description("Failed outbox publish attempts").register(registry);
    }

    /** @return the number of events published by this call */
    @Transactional
    public int publishPending() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", lockKey()).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent> find("publishedAt is null and deadLetteredAt is null order by seq")
                .page(Page.ofSize(config.outbox().batchSize())).list();
        int sent = 0;
        for (OutboxEvent event : batch) {
            CloudEvent cloudEvent;
            try {
                cloudEvent = toCloudEvent(event);
            } catch (IOException | IllegalArgumentException e) {
                // Not transient: retrying cannot make this row publishable, and it must not block the rows behind it.
                event.deadLetteredAt = Instant.now();
                event.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                deadLetters.storeUnpublishable(event, e);
                continue;
            }
            try {
                send(event, cloudEvent);
                event.publishedAt = Instant.now();
                sent++;
                published.increment();
            } catch (Exception e) {
                event.attempts++;
                event.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                failures.increment();
                LOG.warnf("Outbox event %s (%s, %s) not published yet, will retry: %s", event.id, event.eventType, event.subject,
                        event.lastError);
                break;
            }
        }
        return sent;
    }

    private static CloudEvent toCloudEvent(OutboxEvent event) throws IOException {
        EventType type = EventType.fromType(event.eventType);
        return DomainEvents.toCloudEvent(type, event.source, event.id.toString(), event.subject,
                ModelJson.mapper().readValue(event.data, type.payloadClass()), event.occurredAt, event.correlationId, event.traceparent);
    }

    private void send(OutboxEvent event, CloudEvent cloudEvent) {
        Map<String, byte[]> headers = DomainEvents.kafkaHeaders(cloudEvent);
        Exchange result;
        // Publish inside the trace of the transaction that wrote the event, so the Kafka span and the traceparent
        // header continue that trace instead of starting one per relay tick.
        try (Scope ignored = TraceContext.contextOf(event.traceparent).makeCurrent()) {
            result = producer.send("kafka:" + event.topic, exchange -> {
                // As text: Camel's tracing reads the traceparent header as the parent of its producer span.
                headers.forEach((name, value) -> exchange.getMessage().setHeader(name, new String(value, StandardCharsets.UTF_8)));
                exchange.getMessage().setHeader(KafkaConstants.KEY, event.subject);
                exchange.getMessage().setBody(cloudEvent.getData() == null ? new byte[0] : cloudEvent.getData().toBytes());
            });
        }
        if (result.getException() != null) {
            throw new IllegalStateException("Kafka did not acknowledge " + event.id, result.getException());
        }
    }

    private long lockKey() {
        return 0x4d57_0000_0000_0000L | (config.serviceName().hashCode() & 0xffff_ffffL);
    }
}
