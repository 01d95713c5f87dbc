package io.millwright.simulators.qms;

import java.util.Map;

import io.millwright.kit.testing.TestSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The QMS simulator's shared secret in its tests, made at test time (once per JVM, the same in every class loader). */
public class QmsWebhookSecret implements QuarkusTestResourceLifecycleManager {

    static String value() {
        return TestSecrets.of("sim-qms-webhook");
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.sim.qms.webhook-secret", value());
    }

    @Override
    public void stop() {
    }
}
