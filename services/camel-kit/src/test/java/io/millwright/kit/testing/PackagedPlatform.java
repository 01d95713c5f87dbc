package io.millwright.kit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The five services packaged, each its own process, chained to each other and to the test JVM's simulators as the
 * local run chains them: inventory-service (the WMS), production-service (the MES), quality-service (the QMS),
 * order-service (inventory, the CRM's webhook, the WMS's deliveries), maintenance-service (the EAM, production and
 * quality). The simulators are wired back to the services (the ERP's release callback, the MES, the WMS, the QMS).
 * Work queues retry within seconds and the outbox relays fast ({@link ServiceProperties#chained}).
 */
public final class PackagedPlatform implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private PackagedPlatform() {
    }

    /**
     * @param identity    each service's identity provider settings by service name ({@link IdentityProvider#serviceProperties()}
     *                    for the test provider, {@link KeycloakServer#serviceProperties} for the real one)
     * @param maintenance maintenance-service's own settings on top (assets, incident timing)
     */
    public static PackagedPlatform start(PostgresDatabase db, ErpSimulator erp, Function<String, Map<String, String>> identity,
            Map<String, String> maintenance) {
        WmsSimulator wms = WmsSimulator.shared();
        MesSimulator mes = MesSimulator.shared();
        CrmSimulator crm = CrmSimulator.shared();
        QmsSimulator qms = QmsSimulator.shared();
        EamSimulator eam = EamSimulator.shared();
        PackagedPlatform platform = new PackagedPlatform();
        try {
            ServiceProcess inventory = platform.start("inventory-service", db, erp, identity, Map.of("millwright.kit.targets.wms.url", wms.baseUrl()),
                    "inventory.erp-movement", "inventory.erp-stock-status", "inventory.wms-stock-status");
            ServiceProcess production = platform.start("production-service", db, erp, identity, Map.of("millwright.kit.targets.mes.url", mes.baseUrl()),
                    "production.mes-dispatch", "production.confirmation");
            ServiceProcess quality = platform.start("quality-service", db, erp, identity, Map.of(
                    "millwright.kit.webhooks.qms.secret", QmsSimulator.webhookSecret(),
                    "millwright.kit.targets.qms.signing-secret", QmsSimulator.webhookSecret(),
                    "millwright.kit.targets.qms.url", qms.apiUrl()),
                    "quality.qms-case");
            platform.start("order-service", db, erp, identity, Map.of(
                    "millwright.kit.targets.inventory.url", inventory.baseUrl(),
                    "millwright.kit.targets.crm.url", crm.webhookUrl(),
                    "millwright.kit.targets.crm.signing-secret", CrmSimulator.webhookSecret(),
                    "millwright.kit.targets.wms.url", wms.baseUrl()),
                    "order.erp-sales-order", "order.crm-milestone", "order.wms-delivery");
            Map<String, String> maintenanceConfig = new LinkedHashMap<>(maintenance);
            maintenanceConfig.put("millwright.kit.targets.eam.url", eam.apiUrl());
            maintenanceConfig.put("millwright.kit.targets.eam.signing-secret", EamSimulator.webhookSecret());
            maintenanceConfig.put("millwright.kit.targets.production.url", production.baseUrl());
            maintenanceConfig.put("millwright.kit.targets.quality.url", quality.baseUrl());
            platform.start("maintenance-service", db, erp, identity, maintenanceConfig,
                    "maintenance.correlate", "maintenance.eam", "maintenance.erp", "maintenance.quality-hold");
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        erp.setReleaseCallbackUrl(platform.production().baseUrl() + "/soap/erp-callback");
        erp.setAutoRelease(true);
        mes.configure(platform.production().baseUrl(), true, 200);
        wms.configure(platform.inventory().baseUrl());
        wms.configureShipping(platform.order().baseUrl(), false);
        qms.configure(platform.quality().baseUrl());
        return platform;
    }

    private ServiceProcess start(String name, PostgresDatabase db, ErpSimulator erp, Function<String, Map<String, String>> identity,
            Map<String, String> own, String... workQueues) {
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.quarkusApp("services/" + name),
                ServiceProperties.chained(name, db, erp, own, identity.apply(name), workQueues), START_TIMEOUT);
        services.put(name, service);
        return service;
    }

    /** The services by name, in start order. */
    public Map<String, ServiceProcess> services() {
        return services;
    }

    public ServiceProcess order() {
        return services.get("order-service");
    }

    public ServiceProcess production() {
        return services.get("production-service");
    }

    public ServiceProcess inventory() {
        return services.get("inventory-service");
    }

    public ServiceProcess quality() {
        return services.get("quality-service");
    }

    public ServiceProcess maintenance() {
        return services.get("maintenance-service");
    }

    /** Stops the services, the last started first, and unhooks the ERP's release callback. */
    @Override
    public void close() {
        List<ServiceProcess> started = new ArrayList<>(services.values());
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        ErpSimulator erp = ErpSimulator.shared();
        erp.setAutoRelease(false);
        erp.setReleaseCallbackUrl(null);
    }
}
