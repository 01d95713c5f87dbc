package io.millwright.edge.forward;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.millwright.edge.config.EdgeConfig;

/**
 * The forwarder's producer properties: durability settings that are not negotiable (acks=all, idempotence,
 * unlimited retries within the send timeout) and the cloud link's security (TLS, optionally SASL) from
 * configuration. Records never expire in the producer; the forwarder waits instead. Extra properties from {@code millwright.edge.kafka.properties} are applied first, so they cannot
 * weaken durability.
 */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    public static Map<String, Object> producerProperties(EdgeConfig.Kafka kafka, Duration sendTimeout, String clientId) {
        Map<String, Object> properties = new HashMap<>(kafka.properties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        properties.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        int timeout = (int) Math.max(2000, sendTimeout.toMillis());
        int request = Math.max(1000, timeout / 2);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
        // never expire a record: an expired record followed by a delivered one would reorder a source's stream
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        properties.putIfAbsent(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);

        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, kafka.securityProtocol());
        kafka.sslTruststoreLocation().ifPresent(v -> properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, v));
        kafka.sslTruststorePassword().ifPresent(v -> properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, v));
        if (kafka.sslTruststoreLocation().isPresent()) {
            properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, kafka.sslTruststoreType());
        }
        kafka.sslKeystoreLocation().ifPresent(v -> properties.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, v));
        kafka.sslKeystorePassword().ifPresent(v -> {
            properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, v);
            properties.putIfAbsent(SslConfigs.SSL_KEY_PASSWORD_CONFIG, v);
        });
        if (kafka.sslKeystoreLocation().isPresent()) {
            properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, kafka.sslKeystoreType());
        }
        kafka.saslMechanism().ifPresent(v -> properties.put(SaslConfigs.SASL_MECHANISM, v));
        kafka.saslJaasConfig().ifPresent(v -> properties.put(SaslConfigs.SASL_JAAS_CONFIG, v));
        return properties;
    }
}
