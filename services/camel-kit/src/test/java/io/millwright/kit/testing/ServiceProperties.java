package io.millwright.kit.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every packaged service a test starts ({@link ServiceProcess}) needs: its database, Kafka (the test JVM's
 * broker, over TLS as the service's own principal), the ERP simulator with the credentials both sides exchange. A
 * test adds its identity provider and its own settings.
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
        return config;
    }
}
