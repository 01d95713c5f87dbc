package io.millwright.simulators.eam;

import java.util.Map;

import io.millwright.kit.testing.TestSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The EAM simulator's shared secret in its tests, made at test time (once per JVM, the same in every class loader). */
public class EamWebhookSecret implements QuarkusTestResourceLifecycleManager {

    static String value() {
        return TestSecrets.of("sim-eam-webhook");
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.sim.eam.webhook-secret", value());
    }

    @Override
    public void stop() {
    }
}
