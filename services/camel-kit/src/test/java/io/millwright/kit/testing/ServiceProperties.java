package io.millwright.kit.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every packaged service a test starts ({@link ServiceProcess}) needs: its database, Kafka (the test JVM's
 * broker, over TLS as the service's own principal, with a short consumer session so a killed instance's partitions
 * move on quickly), the ERP simulator with the credentials both sides exchange. A test adds its identity provider
 * and its own settings.
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    /** @param service the service's name, which is also its Kafka principal ({@code order-service}, ...) */
    public static Map<String, String> platform(String service, PostgresDatabase db, ErpSimulator erp) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.putAll(KafkaBroker.shared().secureListener().serviceProperties(service));
        config.put("millwright.kit.targets.erp.url", erp.soapUrl());
        config.putAll(ErpSimulator.credentialsForTheErp());
        // a service killed by a test (SIGKILL) keeps its partitions until its consumer group's session times out
        // (Kafka's 45 s by default): a short session lets its successor take them over within seconds
        config.put("camel.component.kafka.session-timeout-ms", "6000");
        config.put("camel.component.kafka.heartbeat-interval-ms", "1000");
        return config;
    }

    /**
     * {@link #platform} plus what a test that chains packaged services gives each of them: the test JVM's identity
     * provider, short pauses between attempts of its work queues (an early refusal, such as a lot the ERP does not know
     * yet, is retried soon) and a fast outbox relay.
     *
     * @param own        the service's own settings (target URLs, secrets)
     * @param workQueues the queues whose pauses are shortened
     */
    public static Map<String, String> chained(String service, PostgresDatabase db, ErpSimulator erp, Map<String, String> own,
            String... workQueues) {
        return chained(service, db, erp, own, IdentityProvider.serviceProperties(), workQueues);
    }

    /**
     * {@link #chained(String, PostgresDatabase, ErpSimulator, Map, String...)} with another identity provider's settings
     * (the real Keycloak: {@link KeycloakServer#serviceProperties}).
     */
    public static Map<String, String> chained(String service, PostgresDatabase db, ErpSimulator erp, Map<String, String> own,
            Map<String, String> identity, String... workQueues) {
        Map<String, String> config = new LinkedHashMap<>(own);
        config.putAll(identity);
        for (String queue : workQueues) {
            config.put("millwright.kit.work-queues.\"" + queue + "\".backoff.initial", "200ms");
            config.put("millwright.kit.work-queues.\"" + queue + "\".backoff.max", "2s");
        }
        config.putAll(platform(service, db, erp));
        config.put("millwright.kit.outbox.poll-interval", "100ms");
        return config;
    }
}
