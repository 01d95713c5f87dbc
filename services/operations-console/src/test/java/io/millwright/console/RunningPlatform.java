package io.millwright.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.millwright.edge.plc.ModbusTcpTestServer;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KeycloakServer;
import io.millwright.kit.testing.PackagedPlatform;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PrometheusServer;
import io.millwright.kit.testing.ServiceProcess;

/**
 * The whole platform packaged with the real identity provider, started once per test JVM for the platform ITs of this
 * module (one start instead of one per test class keeps CI inside its budget, D141): Keycloak with the local run's
 * realm, the simulators calling as the realm's clients, the five services accepting the realm's tokens, an edge
 * gateway reading a Modbus TCP press ({@link #ASSET}, RES-CNC-01 to maintenance-service), Prometheus scraping all of them every second, and the operations console.
 * Stopped when the test JVM exits.
 */
final class RunningPlatform {

    static final String PLANT = "plant-console";
    /** The press the gateway reads: its state (holding register 1) and fault code (2; 17 is hydraulic pressure low). */
    static final String ASSET = "press-console";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static RunningPlatform running;

    final KeycloakServer keycloak;
    final PackagedPlatform services;
    final ServiceProcess gateway;
    final ModbusTcpTestServer plc;
    final PrometheusServer prometheus;
    final ServiceProcess console;
    final String consoleUrl;
    /** Prometheus's jobs: each service's management port and the gateway's HTTP port. */
    final Map<String, List<String>> jobs = new LinkedHashMap<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    static synchronized RunningPlatform get() throws Exception {
        if (running == null) {
            running = new RunningPlatform();
            RunningPlatform started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "running-platform-stop"));
        }
        return running;
    }

    private RunningPlatform() throws Exception {
        int consolePort = ServiceProcess.freePort();
        consoleUrl = "http://127.0.0.1:" + consolePort;
        try {
            keycloak = KeycloakServer.start(Duration.ofSeconds(240), Map.of("CONSOLE_URL", consoleUrl));
            closing.add(keycloak);
            PostgresDatabase db = PostgresDatabase.shared();
            // the simulated MES, WMS and QMS call the services as the realm's clients mes, wms and qms
            ErpSimulator erp = ErpSimulator.sharedWith(keycloak.simulatorTokenClients());
            erp.clearFaults();
            KafkaBroker broker = KafkaBroker.shared();

            plc = new ModbusTcpTestServer(ModbusTcpTestServer.freePort());
            plc.setRegister(0, 1);
            plc.setRegister(1, 0);
            plc.start();
            closing.add(plc::stop);
            gateway = gateway(broker);

            // every service accepts the realm's tokens; order- and maintenance-service call others as their own clients
            services = PackagedPlatform.start(db, erp, service -> keycloak.serviceProperties(service, switch (service) {
                case "order-service" -> "ORDER_SERVICE_CLIENT_SECRET";
                case "maintenance-service" -> "MAINTENANCE_SERVICE_CLIENT_SECRET";
                default -> null;
            }), Map.of(
                    // incidents open and resolve within seconds; the press is RES-CNC-01 in the ERP
                    "millwright.maintenance.incidents.group-wait", "3s",
                    "millwright.maintenance.incidents.resolve-after", "3s",
                    "millwright.maintenance.incidents.evaluation-interval", "500ms",
                    "millwright.maintenance.assets.\"" + ASSET + "\".resource-id", "RES-CNC-01",
                    "millwright.maintenance.assets.\"" + ASSET + "\".work-center-id", "WC-CNC",
                    "millwright.maintenance.assets.\"" + ASSET + "\".cost-center", "CC-4100",
                    "millwright.maintenance.assets.\"" + ASSET + "\".plant-id", "1000"));
            closing.add(services);

            services.services().forEach((name, service) -> jobs.put(name, List.of("127.0.0.1:" + service.managementPort())));
            jobs.put("edge-gateway", List.of("127.0.0.1:" + gateway.httpPort()));
            prometheus = PrometheusServer.start(jobs);
            closing.add(prometheus);

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("quarkus.http.port", String.valueOf(consolePort));
            settings.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
            settings.put("quarkus.oidc.credentials.secret", keycloak.secret("CONSOLE_CLIENT_SECRET"));
            services.services().forEach((name, service) -> settings.put("millwright.console.services." + name + ".url", service.baseUrl()));
            settings.put("millwright.console.edge-gateways", PLANT + "=" + gateway.baseUrl());
            settings.put("millwright.console.prometheus-url", prometheus.url());
            settings.put("millwright.console.overview-range", "10m");
            console = ServiceProcess.start("operations-console", ServiceProcess.quarkusApp("services/operations-console"), settings, START_TIMEOUT);
            closing.add(console);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private String operatorToken;
    private long operatorTokenAt;

    /** The realm's operator's token, renewed every minute (Keycloak's tokens live five). */
    synchronized String operatorToken() {
        if (operatorToken == null || System.nanoTime() - operatorTokenAt > Duration.ofMinutes(1).toNanos()) {
            operatorToken = keycloak.userToken("operator", "OPERATOR_PASSWORD");
            operatorTokenAt = System.nanoTime();
        }
        return operatorToken;
    }

    private ServiceProcess gateway(KafkaBroker broker) throws IOException {
        Path plant = Files.createDirectories(Path.of("target", "plants")).resolve("console-" + plc.port() + ".yaml");
        Files.writeString(plant, """
                plant: %s
                connections:
                  - id: press
                    url: modbus-tcp://127.0.0.1:%d?unit-identifier=1
                    read-timeout: 1s
                    reconnect: {initial: 200ms, max: 1s}
                    tags:
                      - id: press.state
                        address: holding-register:1
                        scan: 100ms
                        asset: %s
                        states: {idle: 0, running: 1, fault: 2}
                      - id: press.fault-code
                        address: holding-register:2
                        scan: 100ms
                        asset: %s
                        faults:
                          17: {text: Hydraulic pressure low, severity: critical}
                """.formatted(PLANT, plc.port(), ASSET, ASSET));
        Path data = Files.createTempDirectory(Path.of("target"), "edge-console-");
        ServiceProcess started = ServiceProcess.start("edge-gateway", ServiceProcess.quarkusApp("edge-gateway"), Map.of(
                "millwright.edge.config", plant.toAbsolutePath().toString(),
                "millwright.edge.data-dir", data.toAbsolutePath().toString(),
                "millwright.edge.kafka.bootstrap-servers", broker.bootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak.realmUrl()), START_TIMEOUT);
        closing.add(started);
        return started;
    }

    /** Stops everything, the last started first. */
    private synchronized void close() {
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception e) {
                // stopping what is left matters more
            }
        }
        closing.clear();
    }
}
