package io.millwright.order;

import java.util.List;
import java.util.Map;

import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.event.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points order-service at its other collaborators in tests: the CRM simulator's milestone webhook (in the shared
 * simulators process) and the {@link AvailabilityStub} standing in for inventory-service.
 */
public class OrderCollaboratorsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // The topics order-service consumes must exist before its consumers start (in a deployment they are created
        // up front): a consumer subscribed to a missing topic only notices it at its next metadata refresh.
        for (String topic : List.of(Topics.PRODUCTION_EVENTS, Topics.INVENTORY_EVENTS)) {
            KafkaTestClient.send(topic, "topic-created-by-test", new byte[0], Map.of());
        }
        return Map.of(
                "millwright.kit.targets.crm.url", CrmSimulator.shared().webhookUrl(),
                "millwright.kit.targets.crm.signing-secret", CrmSimulator.webhookSecret(),
                "millwright.kit.targets.inventory.url", AvailabilityStub.shared().baseUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM
    }
}
