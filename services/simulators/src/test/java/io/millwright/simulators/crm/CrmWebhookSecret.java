package io.millwright.simulators.crm;

import java.util.Map;

import io.millwright.kit.testing.TestSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The CRM simulator's webhook secret in its tests, made at test time (once per JVM, the same in every class loader). */
public class CrmWebhookSecret implements QuarkusTestResourceLifecycleManager {

    static String value() {
        return TestSecrets.of("sim-crm-webhook");
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.sim.crm.webhook-secret", value());
    }

    @Override
    public void stop() {
    }
}
