package io.millwright.maintenance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.QmsSimulator;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The ERP simulator, and the services maintenance-service talks to, packaged and running as they do in production: production-service (the
 * work orders on a resource) and quality-service (window holds), each against the test JVM's database, Kafka, ERP and
 * plant simulators; started once per test JVM, after the infrastructure.
 */
public class PlantServices implements QuarkusTestResourceLifecycleManager {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static ServiceProcess production;
    private static ServiceProcess quality;

    @Override
    public Map<String, String> start() {
        startOnce();
        Map<String, String> config = new LinkedHashMap<>(ErpSimulator.credentialsForTheErp());
        config.put("millwright.kit.targets.erp.url", ErpSimulator.shared().soapUrl());
        config.put("millwright.kit.targets.production.url", production.baseUrl());
        config.put("millwright.kit.targets.quality.url", quality.baseUrl());
        return config;
    }

    public static synchronized ServiceProcess production() {
        startOnce();
        return production;
    }

    public static synchronized ServiceProcess quality() {
        startOnce();
        return quality;
    }

    private static synchronized void startOnce() {
        if (production != null) {
            return;
        }
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        production = start("production-service", db, erp, Map.of("millwright.kit.targets.mes.url", MesSimulator.shared().baseUrl()));
        quality = start("quality-service", db, erp, Map.of(
                "millwright.kit.webhooks.qms.secret", QmsSimulator.webhookSecret(),
                "millwright.kit.targets.qms.signing-secret", QmsSimulator.webhookSecret(),
                "millwright.kit.targets.qms.url", QmsSimulator.shared().apiUrl()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            production.close();
            quality.close();
        }, "plant-services-stop"));
    }

    private static ServiceProcess start(String name, PostgresDatabase db, ErpSimulator erp, Map<String, String> own) {
        return ServiceProcess.start(name, ServiceProcess.quarkusApp("services/" + name), ServiceProperties.chained(name, db, erp, own),
                START_TIMEOUT);
    }

    @Override
    public void stop() {
        // shared by the whole test JVM; stopped by the shutdown hook
    }

    @Override
    public int order() {
        return 100;
    }
}
