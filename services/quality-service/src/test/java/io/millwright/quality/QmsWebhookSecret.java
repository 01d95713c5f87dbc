package io.millwright.quality;

import java.util.Map;

import io.millwright.kit.testing.TestSecrets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The QMS webhook secret of this test JVM (made at test time, never in the repository). */
public class QmsWebhookSecret implements QuarkusTestResourceLifecycleManager {

    static String value() {
        return TestSecrets.of("qms-webhook");
    }

    @Override
    public Map<String, String> start() {
        return Map.of("millwright.kit.webhooks.qms.secret", value());
    }

    @Override
    public void stop() {
    }
}
