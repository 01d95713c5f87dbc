package io.millwright.order.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.millwright.order.service.MasterDataSync;

/** Not ready to take orders until customers and items have been replicated from ERP at least once. */
@Readiness
@ApplicationScoped
public class MasterDataReadiness implements HealthCheck {

    @Inject
    MasterDataSync masterData;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("order-master-data").status(masterData.hasMasterData()).build();
    }
}
