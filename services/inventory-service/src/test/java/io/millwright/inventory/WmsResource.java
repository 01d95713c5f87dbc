package io.millwright.inventory;

import java.util.Map;

import io.millwright.kit.testing.WmsSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points inventory-service's WMS client at the simulated WMS (in the test JVM's simulators process). */
public class WmsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.targets.wms.url", WmsSimulator.shared().baseUrl());
    }

    @Override
    public void stop() {
        // the simulators process is shared by every test class of this JVM
    }
}
