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
        Gauge.builder("millwright.outbox.pending", countOf(() -> OutboxEvent.count("publishedAt is null")))
                .description("Committed events not yet acknowledged by Kafka").register(registry);
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
