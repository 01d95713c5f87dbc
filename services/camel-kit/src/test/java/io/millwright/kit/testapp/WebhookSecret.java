package io.millwright.kit.testapp;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The shared secret of the test application's incoming webhook, made at test time (once per JVM). */
public class WebhookSecret implements QuarkusTestResourceLifecycleManager {

    private static final String PROPERTY = "millwright.test.kit-webhook-secret";

    /** The secret, the same in every class loader of this JVM. */
    public static synchronized String value() {
        String secret = System.getProperty(PROPERTY);
        if (secret == null) {
            secret = UUID.randomUUID() + "-" + UUID.randomUUID();
            System.setProperty(PROPERTY, secret);
        }
        return secret;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.webhooks.kit-test.secret", value());
    }

    @Override
    public void stop() {
    }
}
