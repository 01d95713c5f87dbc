package io.millwright.order;

import java.util.Map;

import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.WmsSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points order-service at its other collaborators in tests: the CRM simulator's milestone webhook and the WMS's
 * deliveries (in the shared simulators process), and the {@link AvailabilityStub} standing in for inventory-service.
 */
public class OrderCollaboratorsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // the topics order-service consumes exist before it starts: the test broker creates the platform's topics
        return Map.of(
                "millwright.kit.targets.wms.url", WmsSimulator.shared().baseUrl(),
                "millwright.kit.targets.crm.url", CrmSimulator.shared().webhookUrl(),
                "millwright.kit.targets.crm.signing-secret", CrmSimulator.webhookSecret(),
                "millwright.kit.targets.inventory.url", AvailabilityStub.shared().baseUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM
    }
}
