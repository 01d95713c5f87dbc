package io.millwright.order.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.order.persistence.CrmDeliveryEntity;
import io.millwright.order.service.ErpSalesOrderPoster;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Business metrics of the order flow (SPEC X5). */
@ApplicationScoped
public class OrderMetrics {

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("millwright.orders.waiting.erp", () -> {
            try {
                return QuarkusTransaction.requiringNew().call(ErpSalesOrderPoster::waitingCount);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("Orders accepted but not yet confirmed by ERP").register(registry);
        Gauge.builder("millwright.order.crm.deliveries.pending", () -> {
            try {
                return QuarkusTransaction.requiringNew().call(CrmDeliveryEntity::pendingCount);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description("Milestones waiting to be delivered to the CRM webhook").register(registry);
    }
}
