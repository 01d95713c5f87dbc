package io.millwright.kit.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the test JVM's ERP simulator ({@link ErpSimulator#shared()}, on
 * {@link PostgresDatabase#shared()}) through {@code millwright.kit.targets.erp.url}, with the credentials both sides
 * exchange ({@link ErpSimulator#credentialsForTheErp()}). The simulator outlives the test class.
 */
public class ErpSimulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresDatabase.shared();
        Map<String, String> config = new java.util.HashMap<>(ErpSimulator.credentialsForTheErp());
        config.put("millwright.kit.targets.erp.url", ErpSimulator.shared().soapUrl());
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
