package io.millwright.kit.health;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.deadletter.DeadLetter;
import io.millwright.kit.outbox.OutboxEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Operational gauges every service exposes: dead letters awaiting an operator, events waiting in the outbox. */
@ApplicationScoped
public class KitMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("millwright.dead.letters", countOf(() -> DeadLetter.count("status", DeadLetter.Status.NEW)))
                .description("Dead letters not yet replayed or discarded").register(registry);
        Gauge.builder("millwright.outbox.pending", countOf(() -> OutboxEvent.count("publishedAt is null and deadLetteredAt is null")))
                .description("Committed events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("millwright.outbox.oldest.pending.seconds", countOf(KitMetrics::oldestPendingSeconds))
                .description("Age of the oldest event waiting in the outbox; grows while Kafka is unreachable").register(registry);
    }

    private static long oldestPendingSeconds() {
        return OutboxEvent.<OutboxEvent> find("publishedAt is null and deadLetteredAt is null order by seq").firstResultOptional()
                .map(e -> java.time.Duration.between(e.occurredAt, java.time.Instant.now()).toSeconds())
                .orElse(0L);
    }

    private static Supplier<Number> countOf(Supplier<Long> query) {
        return () -> {
            try {
                return QuarkusTransaction.requiringNew().call(query::get);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }
}
