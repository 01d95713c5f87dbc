package io.millwright.maintenance;

import java.util.Map;

import io.millwright.kit.testing.EamSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The EAM of these tests: the simulated one in the simulators process, with the secret made at test time (never in the
 * repository) that work requests are signed with.
 */
public class EamWebhookSecret implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.targets.eam.signing-secret", EamSimulator.webhookSecret(),
                "millwright.kit.targets.eam.url", EamSimulator.shared().apiUrl());
    }

    @Override
    public void stop() {
    }
}
