package io.millwright.production;

import java.util.Map;

import io.millwright.kit.testing.MesSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points production-service's MES client at the test JVM's MES simulator (in the shared simulators process). */
public class MesSimulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.targets.mes.url", MesSimulator.shared().baseUrl());
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped when the JVM exits
    }
}
