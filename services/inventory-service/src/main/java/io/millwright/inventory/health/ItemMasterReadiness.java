package io.millwright.inventory.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.millwright.inventory.service.ItemMasterSync;

/** Not ready to answer availability until items (with opening balances) have been replicated from ERP at least once. */
@Readiness
@ApplicationScoped
public class ItemMasterReadiness implements HealthCheck {

    @Inject
    ItemMasterSync items;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("inventory-items").status(items.hasItems()).build();
    }
}
