package io.millwright.production.health;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.service.ConfirmationPosting;
import io.millwright.production.service.MesDispatch;
import io.millwright.production.service.ProductionQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Business metrics of the plan-to-produce flow (SPEC X5). */
@ApplicationScoped
public class ProductionMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry, ProductionConfig config) {
        Gauge.builder("millwright.production.unacknowledged.work.orders",
                countOf(() -> ProductionQueries.unacknowledgedCount(config.mes().ackTimeout())))
                .description("Work orders dispatched to the MES and not acknowledged within the ack timeout").register(registry);
        Gauge.builder("millwright.production.orders.waiting.dispatch", countOf(MesDispatch::waitingCount))
                .description("Released production orders not yet accepted by the MES").register(registry);
        Gauge.builder("millwright.production.confirmations.waiting.erp", countOf(ConfirmationPosting::waitingForErpCount))
                .description("Valid confirmations whose ERP posting failed at least once and is being retried").register(registry);
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
