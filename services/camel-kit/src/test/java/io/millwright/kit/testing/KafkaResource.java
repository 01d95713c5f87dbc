package io.millwright.kit.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the test JVM's real Kafka broker ({@link KafkaBroker#shared()}), restarting it
 * if an earlier test left it stopped. The broker outlives the test class: it is killed when the JVM exits.
 *
 * <p>A service connects as it does in production: over the broker's {@code SASL_SSL} listener as its own principal
 * ({@code millwright.kit.kafka.principal}, its application name), with its client certificate, so the broker's rules
 * for that principal apply to every test. With the argument {@code listener=plaintext} (the edge gateway, which has
 * its own Kafka settings) it gets the plaintext listener's address in {@code camel.component.kafka.brokers} instead.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final String LISTENER = "listener";
    public static final String PLAINTEXT = "plaintext";

    private boolean plaintext;

    @Override
    public void init(Map<String, String> initArgs) {
        plaintext = PLAINTEXT.equals(initArgs.get(LISTENER));
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        if (!broker.isRunning()) {
            broker.start();
        }
        if (plaintext) {
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "camel.component.kafka.brokers", broker.bootstrapServers());
        }
        KafkaBroker.SecureListener secure = broker.secureListener();
        // the principal stays the application's own (the kit's default); its certificate is found by that name
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", secure.bootstrapServers());
        config.put("camel.component.kafka.brokers", secure.bootstrapServers());
        config.put("millwright.kit.kafka.security-protocol", "SASL_SSL");
        config.put("millwright.kit.kafka.password", KafkaBroker.scramPassword(null));
        config.put("millwright.kit.kafka.truststore", secure.truststore().toString());
        config.put("millwright.kit.kafka.truststore-password", secure.storePassword());
        config.put("millwright.kit.kafka.keystore", secure.tlsDir().resolve("client-${millwright.kit.kafka.principal}.p12").toString());
        config.put("millwright.kit.kafka.keystore-password", secure.storePassword());
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; the exit hook kills it
    }
}
