package io.millwright.kit.outbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.component.kafka.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.config.KitConfig;
import io.millwright.kit.deadletter.DeadLetterStore;
import io.millwright.kit.deadletter.NewDeadLetter;
import io.millwright.kit.error.Failures;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents (binary mode), oldest first, right after the transaction
 * that wrote them commits ({@link #wake()}); the {@code kit.outbox-relay} timer is only the safety net. One relay per
 * service works at a time (a PostgreSQL advisory lock), so per-key order survives several replicas.
 * <p>
 * A batch is sent pipelined through the Kafka producer that Camel configures (acks=all, idempotent; the same
 * settings, security included, as every other Kafka producer of the service) and rows are marked published once
 * Kafka acknowledged them. A send refused at once stops the batch, and a failed acknowledgement leaves it and every
 * later row of the batch pending, so a later event never lands before an earlier one that failed: the later ones may
 * be sent again (same ce_id, consumers dedupe). Each record carries the traceparent stored with its event, so it
 * continues the trace of the transaction that wrote it.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String ROUTE_ID = "kit.outbox-relay";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    KitConfig config;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    CamelContext camel;

    private final Counter published;
    private final Counter failures;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean moreToDo = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay-wake");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaProducer camelProducer;
    private Producer<Object, Object> kafka;

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        this.published = Counter.builder("millwright.outbox.published").description("Events published from the outbox").register(registry);
        this.failures = Counter.builder("millwright.outbox.publish.failures").description("Failed outbox publish attempts").register(registry);
    }

    /** Called after a transaction that appended events committed: relay them now, unless the relay route is stopped. */
    public void wake() {
        moreToDo.set(true);
        if (!draining.isLocked() && relayRouteStarted()) {
            waker.execute(this::publishPending);
        }
    }

    /**
     * Publishes batches until the outbox holds nothing more to send (or a send fails). Runs from the wake-up and from
     * the safety-net timer; when one run is in progress the other returns at once and the running one goes on.
     *
     * @return the number of events published by this call
     */
    public int publishPending() {
        int total = 0;
        do {
            if (!draining.tryLock()) {
                return total;
            }
            try {
                moreToDo.set(false);
                Batch batch;
                do {
                    batch = QuarkusTransaction.requiringNew().call(this::publishBatch);
                    total += batch.published();
                } while (batch.full() && !batch.failed());
                if (batch.failed()) {
                    return total;
                }
            } finally {
                draining.unlock();
            }
        } while (moreToDo.get());
        return total;
    }

    private record Batch(int published, boolean full, boolean failed) {
    }

    private Batch publishBatch() {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", lockKey()).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(0, false, false);
        }
        int batchSize = config.outbox().batchSize();
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent> find("publishedAt is null and deadLetteredAt is null order by seq")
                .page(Page.ofSize(batchSize)).list();
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            CloudEvent cloudEvent;
            try {
                cloudEvent = toCloudEvent(event);
            } catch (IOException | IllegalArgumentException e) {
                // Not transient: retrying cannot make this row publishable, and it must not block the rows behind it.
                event.deadLetteredAt = Instant.now();
                event.lastError = Failures.reason(e);
                deadLetters.record(NewDeadLetter.of(ROUTE_ID, "Outbox event " + event.id + " (" + event.eventType + ", " + event.subject
                        + ") cannot be published: " + Failures.reason(e))
                        .failedEndpoint("kafka:" + event.topic).cause(e).payload(event.data).correlationId(event.correlationId)
                        .header("ce_id", event.id.toString()).header("ce_type", event.eventType).header("ce_subject", event.subject)
                        .key(event.id.toString()));
                sends.add(null);
                continue;
            }
            Future<RecordMetadata> send;
            try {
                send = kafka().send(record(event, cloudEvent));
            } catch (RuntimeException e) {
                failed(event, e);
                return new Batch(markPublished(batch, sends), false, true);
            }
            sends.add(send);
            if (send.isDone() && !acknowledged(send)) {
                // Refused at once (no metadata within max.block.ms): the events behind it wait for the next run.
                break;
            }
        }
        int sent = markPublished(batch, sends);
        boolean failed = sent + (int) batch.stream().filter(e -> e.deadLetteredAt != null).count() < batch.size();
        return new Batch(sent, batch.size() == batchSize, failed);
    }

    /** Marks acknowledged rows published, in order, up to the first one Kafka did not acknowledge. */
    private int markPublished(List<OutboxEvent> batch, List<Future<RecordMetadata>> sends) {
        int sent = 0;
        for (int i = 0; i < sends.size(); i++) {
            Future<RecordMetadata> send = sends.get(i);
            if (send == null) {
                continue;
            }
            OutboxEvent event = batch.get(i);
            try {
                send.get();
            } catch (ExecutionException e) {
                failed(event, e.getCause());
                return sent;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(event, e);
                return sent;
            }
            event.publishedAt = Instant.now();
            sent++;
            published.increment();
        }
        return sent;
    }

    private void failed(OutboxEvent event, Throwable cause) {
        event.attempts++;
        event.lastError = Failures.reason(cause);
        failures.increment();
        LOG.warnf("Outbox event %s (%s, %s) not published yet, will retry: %s", event.id, event.eventType, event.subject, event.lastError);
    }

    private static boolean acknowledged(Future<RecordMetadata> send) {
        try {
            send.get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static CloudEvent toCloudEvent(OutboxEvent event) throws IOException {
        EventType type = EventType.fromType(event.eventType);
        return DomainEvents.toCloudEvent(type, event.source, event.id.toString(), event.subject,
                ModelJson.mapper().readValue(event.data, type.payloadClass()), event.occurredAt, event.correlationId, event.traceparent);
    }

    private static ProducerRecord<Object, Object> record(OutboxEvent event, CloudEvent cloudEvent) {
        ProducerRecord<String, byte[]> record = DomainEvents.toProducerRecord(cloudEvent);
        return new ProducerRecord<>(event.topic, null, record.key(), record.value() == null ? new byte[0] : record.value(), record.headers());
    }

    /** The Kafka producer of a Camel Kafka endpoint: Camel's component settings, security included, apply unchanged. */
    private synchronized Producer<Object, Object> kafka() {
        if (kafka == null) {
            try {
                KafkaEndpoint endpoint = camel.getEndpoint("kafka:millwright.outbox-relay", KafkaEndpoint.class);
                KafkaProducer producer = (KafkaProducer) endpoint.createProducer();
                producer.start();
                camelProducer = producer;
                @SuppressWarnings("unchecked")
                Producer<Object, Object> client = producer.getKafkaProducer();
                kafka = client;
            } catch (Exception e) {
                throw new IllegalStateException("Kafka producer for the outbox relay could not be created: " + e.getMessage(), e);
            }
        }
        return kafka;
    }

    private boolean relayRouteStarted() {
        ServiceStatus status = camel.getRouteController().getRouteStatus(ROUTE_ID);
        return status != null && status.isStarted();
    }

    @PreDestroy
    synchronized void close() {
        waker.shutdownNow();
        if (camelProducer != null) {
            camelProducer.stop();
        }
    }

    private long lockKey() {
        return 0x4d57_0000_0000_0000L | (config.serviceName().hashCode() & 0xffff_ffffL);
    }
}
