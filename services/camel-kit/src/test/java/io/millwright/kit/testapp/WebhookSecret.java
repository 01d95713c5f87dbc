package io.millwright.kit.testapp;

import java.util.Map;

import io.millwright.kit.testing.TestSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The shared secret of the test application's incoming webhook, made at test time (once per JVM). */
public class WebhookSecret implements QuarkusTestResourceLifecycleManager {

    /** The secret, the same in every class loader of this JVM. */
    public static String value() {
        return TestSecrets.of("kit-webhook");
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.webhooks.kit-test.secret", value());
    }

    @Override
    public void stop() {
    }
}
