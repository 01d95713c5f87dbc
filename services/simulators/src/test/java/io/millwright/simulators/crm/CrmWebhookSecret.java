package io.millwright.simulators.crm;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The CRM simulator's webhook secret in its tests, made at test time (once per JVM, the same in every class loader). */
public class CrmWebhookSecret implements QuarkusTestResourceLifecycleManager {

    private static final String PROPERTY = "millwright.test.sim-crm-webhook-secret";

    static synchronized String value() {
        String secret = System.getProperty(PROPERTY);
        if (secret == null) {
            secret = UUID.randomUUID().toString();
            System.setProperty(PROPERTY, secret);
        }
        return secret;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.sim.crm.webhook-secret", value());
    }

    @Override
    public void stop() {
    }
}
