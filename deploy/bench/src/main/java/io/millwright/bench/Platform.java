package io.millwright.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.millwright.kit.testing.CrmSimulator;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.MesSimulator;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.ServiceProcess;

/**
 * Everything the benchmark runs on this machine: a fresh PostgreSQL database, a Kafka broker, the simulators and the
 * three packaged services, each its own process with the JVM settings of the local run (full JIT, the local run's
 * heap). Reads each service's CPU time and peak RSS from /proc.
 */
final class Platform implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final List<String> SERVICE_JVM = List.of("-Xmx320m");
    private static final List<String> SIMULATOR_JVM = List.of("-Xmx384m");
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** Services of the version before the work queues (-Dbench.before=true) read the targets under other keys. */
    private static final boolean BEFORE = Boolean.getBoolean("bench.before");

    final PostgresDatabase db;
    final ServiceProcess simulators;
    final ServiceProcess inventory;
    final ServiceProcess production;
    final ServiceProcess order;
    final ErpSimulator erp;
    private final KafkaBroker kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Platform(PostgresDatabase db, KafkaBroker kafka, ServiceProcess simulators, ServiceProcess inventory, ServiceProcess production,
            ServiceProcess order) {
        this.db = db;
        this.kafka = kafka;
        this.simulators = simulators;
        this.inventory = inventory;
        this.production = production;
        this.order = order;
        this.erp = ErpSimulator.at(simulators.baseUrl());
        services.put("simulators", simulators);
        services.put("inventory-service", inventory);
        services.put("production-service", production);
        services.put("order-service", order);
    }

    static Platform start(Progress progress) {
        progress.show(() -> "starting PostgreSQL database, Kafka, the simulators and the services");
        PostgresDatabase db = PostgresDatabase.shared();
        Progress.say("database " + db.name());
        KafkaBroker broker = KafkaBroker.shared();
        Progress.say("Kafka " + broker.bootstrapServers() + ", services over TLS as their own principals on "
                + broker.secureListener().bootstrapServers());
        Map<String, String> database = Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
        // the test identity provider (OIDC test server in this JVM): the services check its tokens, the MES and WMS get theirs
        String realm = IdentityProvider.realmUrl();
        Map<String, String> simulatorConfig = new LinkedHashMap<>(database);
        simulatorConfig.putAll(ErpSimulator.tokenClients(realm));
        simulatorConfig.put("millwright.sim.crm.webhook-secret", CrmSimulator.webhookSecret());
        simulatorConfig.putAll(ErpSimulator.credentialsOfTheErp());
        ServiceProcess simulators = ServiceProcess.start("bench-simulators", ServiceProcess.quarkusApp("services/simulators"), simulatorConfig,
                SIMULATOR_JVM, READY);
        Progress.say("simulators " + simulators.baseUrl());
        String sim = simulators.baseUrl();
        ServiceProcess inventory = service("inventory-service", database, broker, sim,
                Map.of(BEFORE ? "millwright.inventory.wms.url" : "millwright.kit.targets.wms.url", sim));
        ServiceProcess production = service("production-service", database, broker, sim,
                Map.of(BEFORE ? "millwright.production.mes.url" : "millwright.kit.targets.mes.url", sim));
        ServiceProcess order = service("order-service", database, broker, sim, Map.of(
                BEFORE ? "millwright.order.availability.url" : "millwright.kit.targets.inventory.url", inventory.baseUrl(),
                BEFORE ? "millwright.order.crm.webhook-url" : "millwright.kit.targets.crm.url", sim + "/crm/api/v1/order-milestones",
                "millwright.kit.targets.crm.signing-secret", CrmSimulator.webhookSecret()));
        Platform platform = new Platform(db, broker, simulators, inventory, production, order);
        platform.erp.setReleaseCallbackUrl(production.baseUrl() + "/soap/erp-callback");
        platform.erp.setAutoRelease(false);
        MesSimulator.at(sim).configure(production.baseUrl(), true, 200);
        return platform;
    }

    private static ServiceProcess service(String name, Map<String, String> database, KafkaBroker kafka, String simulators,
            Map<String, String> own) {
        Map<String, String> config = new LinkedHashMap<>(database);
        config.putAll(IdentityProvider.serviceProperties());
        // the load's one caller stands for many clients: the per-client limits stay on (their cost is measured) but high
        for (String limit : new String[] { "orders", "mes", "wms-receipts", "holds" }) {
            config.put("millwright.kit.rate-limits." + limit + ".limit", "1000000");
        }
        config.putAll(ErpSimulator.credentialsForTheErp());
        config.putAll(own);
        if (BEFORE) { // a build from before the Kafka principals connects in plaintext
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        } else {
            config.putAll(kafka.secureListener().serviceProperties(name));
        }
        config.put(BEFORE ? "millwright.erp.url" : "millwright.kit.targets.erp.url", simulators + "/soap/erp");
        // no trace collector runs here: keep the exporter's connection warnings out of the logs
        config.put("quarkus.log.category.\"io.quarkus.opentelemetry.runtime.exporter\".level", "ERROR");
        ServiceProcess service = ServiceProcess.start("bench-" + name, ServiceProcess.quarkusApp("services/" + name), config, SERVICE_JVM,
                READY);
        Progress.say(name + " " + service.baseUrl() + " (log " + service.logFile() + ")");
        return service;
    }

    /**
     * CPU seconds each process has used so far (user + system): the services, Kafka, PostgreSQL (all its server
     * processes together) and this benchmark process (the load generator).
     */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        services.forEach((name, process) -> cpu.put(name, cpuSecondsOf(process.pid())));
        cpu.put("kafka", kafka.pid().stream().mapToDouble(Platform::cpuSecondsOf).sum());
        cpu.put("postgresql", postgresCpuSeconds());
        cpu.put("benchmark", cpuSecondsOf(ProcessHandle.current().pid()));
        return cpu;
    }

    private static double postgresCpuSeconds() {
        return ProcessHandle.allProcesses().filter(process -> commandName(process.pid()).equals("postgres")).mapToDouble(process -> cpuSecondsOf(process.pid())).sum();
    }

    private static String commandName(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Peak resident set size of each process so far (VmHWM), in MB. */
    Map<String, Long> peakRssMb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, process) -> rss.put(name, statusKb(process.pid(), "VmHWM:") / 1024));
        return rss;
    }

    Map<String, ServiceProcess> services() {
        return services;
    }

    /** The process id of each service and the simulators. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    private static double cpuSecondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, utime field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static long statusKb(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Fails loudly if a process died. */
    void checkAlive() {
        services.forEach((name, process) -> {
            if (!Files.isDirectory(Path.of("/proc/" + process.pid()))) {
                throw new IllegalStateException(name + " is gone; its log: " + process.logFile());
            }
        });
    }

    @Override
    public void close() {
        for (ServiceProcess process : List.of(order, production, inventory, simulators)) {
            try {
                process.stop();
            } catch (RuntimeException e) {
                Progress.say("could not stop " + process + ": " + e.getMessage());
            }
        }
    }
}
