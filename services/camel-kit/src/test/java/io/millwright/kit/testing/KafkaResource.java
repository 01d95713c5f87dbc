package io.millwright.kit.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the test JVM's real Kafka broker ({@link KafkaBroker#shared()}), restarting it
 * if an earlier test left it stopped. The broker outlives the test class: it is killed when the JVM exits.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        if (!broker.isRunning()) {
            broker.start();
        }
        String bootstrapServers = broker.bootstrapServers();
        return Map.of("kafka.bootstrap.servers", bootstrapServers, "camel.component.kafka.brokers", bootstrapServers);
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; the exit hook kills it
    }
}
