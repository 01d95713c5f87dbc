package io.millwright.production.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.erp.contract.ListReleasedProductionOrdersRequest;
import io.millwright.erp.contract.ListReleasedProductionOrdersResponse;
import io.millwright.erp.contract.ProductionOrder;
import io.millwright.kit.erp.ErpGateway;
import io.millwright.production.config.ProductionConfig;
import io.millwright.production.mapping.ErpReleaseMapper;
import io.millwright.production.persistence.ProductionOrderEntity.ReleaseSource;
import io.millwright.production.persistence.ReleaseReconciliationEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * P1 safety net: asks ERP for orders released since the last successful poll (minus an overlap for clock skew) and
 * takes each through the same intake as the callback, so a release missed while we were down or unreachable is
 * picked up and one already known is a no-op. ERP down: the poll fails, the watermark stays, the next tick retries.
 */
@ApplicationScoped
public class ReleaseReconciliation {

    private static final Logger LOG = Logger.getLogger(ReleaseReconciliation.class);

    @Inject
    ErpGateway erp;

    @Inject
    ReleaseIntake intake;

    @Inject
    ProductionConfig config;

    @Inject
    MeterRegistry registry;

    public int poll() {
        Instant started = Instant.now();
        Instant since = QuarkusTransaction.requiringNew().call(() -> {
            ReleaseReconciliationEntity state = ReleaseReconciliationEntity.findById(ReleaseReconciliationEntity.ID);
            return state == null ? started.minus(config.reconciliation().initialLookback())
                    : state.lastPolledAt.minus(config.reconciliation().overlap());
        });
        List<ProductionOrder> released;
        try {
            ListReleasedProductionOrdersRequest request = new ListReleasedProductionOrdersRequest();
            request.setReleasedSince(since);
            config.reconciliation().plant().ifPresent(request::setPlant);
            released = erp.call("ListReleasedProductionOrders", request, ListReleasedProductionOrdersResponse.class).getProductionOrder();
        } catch (RuntimeException e) {
            registry.counter("millwright.production.reconciliation.failures").increment();
            LOG.warnf("Reconciliation poll of released production orders failed, will retry: %s", e.getMessage());
            return 0;
        }
        ZoneId zone = ZoneId.of(config.plantZone());
        int accepted = 0;
        for (ProductionOrder order : released) {
            ReleaseIntake.Result result = intake.accept(ErpReleaseMapper.fromErp(order, zone), ReleaseSource.RECONCILIATION);
            if (result.outcome() == ReleaseIntake.Outcome.ACCEPTED) {
                accepted++;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ReleaseReconciliationEntity state = ReleaseReconciliationEntity.findById(ReleaseReconciliationEntity.ID);
            if (state == null) {
                state = new ReleaseReconciliationEntity();
                state.id = ReleaseReconciliationEntity.ID;
            }
            state.lastPolledAt = started;
            state.persist();
        });
        if (accepted > 0) {
            LOG.infof("Reconciliation found %d released production order(s) that had not reached us", accepted);
        }
        return accepted;
    }
}
