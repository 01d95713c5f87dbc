package io.millwright.quality;

import java.util.Map;

import io.millwright.kit.testing.QmsSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The QMS of these tests: the simulated one in the simulators process, with the webhook secret made at test time
 * (never in the repository) that both sides sign with.
 */
public class QmsWebhookSecret implements QuarkusTestResourceLifecycleManager {

    static String value() {
        return QmsSimulator.webhookSecret();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.webhooks.qms.secret", value(),
                "millwright.kit.targets.qms.signing-secret", value(),
                "millwright.kit.targets.qms.url", QmsSimulator.shared().apiUrl());
    }

    @Override
    public void stop() {
    }
}
