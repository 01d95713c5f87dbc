package io.millwright.order.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.order.service.SalesOrderPosting;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Business metrics of the order flow (SPEC X5). The queues behind them (ERP postings, CRM deliveries) report their
 * own depth, age, attempts and failures as {@code millwright_work_queue_*{queue=...}}.
 */
@ApplicationScoped
public class OrderMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("millwright.orders.waiting.erp", () -> {
            try {
                return QuarkusTransaction.requiringNew().call(SalesOrderPosting::waitingCount);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("Orders accepted but not yet confirmed by ERP").register(registry);
    }
}
