package io.millwright.kit.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every packaged service a test starts ({@link ServiceProcess}) needs: its database, Kafka, the ERP simulator
 * with the credentials both sides exchange. A test adds its identity provider and its own settings.
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static Map<String, String> platform(PostgresDatabase db, String kafkaBootstrapServers, ErpSimulator erp) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("millwright.kit.targets.erp.url", erp.soapUrl());
        config.putAll(ErpSimulator.credentialsForTheErp());
        return config;
    }
}
