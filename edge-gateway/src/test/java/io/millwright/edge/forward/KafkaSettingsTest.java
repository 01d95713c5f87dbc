package io.millwright.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.millwright.edge.config.EdgeConfig;

class KafkaSettingsTest {

    @Test
    void tlsAndSaslSettingsReachTheProducer() {
        Map<String, Object> properties = KafkaSettings.producerProperties(kafka("SASL_SSL", Optional.of("/etc/millwright/ca.p12"),
                Optional.of("/etc/millwright/gateway.p12"), Map.of("compression.type", "zstd")), Duration.ofSeconds(15), "gw");

        assertThat(properties).containsEntry("bootstrap.servers", "cloud-kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/millwright/ca.p12")
                .containsEntry("ssl.truststore.password", "trust-secret")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.keystore.location", "/etc/millwright/gateway.p12")
                .containsEntry("ssl.keystore.password", "key-secret")
                .containsEntry("ssl.key.password", "key-secret")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("compression.type", "zstd");
    }

    @Test
    void extraPropertiesCannotWeakenDurability() {
        Map<String, Object> properties = KafkaSettings.producerProperties(kafka("PLAINTEXT", Optional.empty(), Optional.empty(),
                Map.of("acks", "1", "enable.idempotence", "false", "delivery.timeout.ms", "30000")), Duration.ofSeconds(15), "gw");

        assertThat(properties).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("delivery.timeout.ms", Integer.MAX_VALUE)
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("ssl.truststore.location", "ssl.keystore.location", "sasl.mechanism");
    }

    private static EdgeConfig.Kafka kafka(String protocol, Optional<String> truststore, Optional<String> keystore,
            Map<String, String> extra) {
        return new EdgeConfig.Kafka() {
            public String bootstrapServers() {
                return "cloud-kafka:9093";
            }

            public String securityProtocol() {
                return protocol;
            }

            public Optional<String> sslTruststoreLocation() {
                return truststore;
            }

            public Optional<String> sslTruststorePassword() {
                return truststore.map(t -> "trust-secret");
            }

            public String sslTruststoreType() {
                return "PKCS12";
            }

            public Optional<String> sslKeystoreLocation() {
                return keystore;
            }

            public Optional<String> sslKeystorePassword() {
                return keystore.map(k -> "key-secret");
            }

            public String sslKeystoreType() {
                return "PKCS12";
            }

            public Optional<String> saslMechanism() {
                return protocol.startsWith("SASL") ? Optional.of("SCRAM-SHA-512") : Optional.empty();
            }

            public Optional<String> saslJaasConfig() {
                return Optional.empty();
            }

            public Map<String, String> properties() {
                return extra;
            }
        };
    }
}
