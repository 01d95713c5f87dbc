package io.millwright.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import io.millwright.kit.testing.TestTokens;

/**
 * The services benchmark (deploy/bench/services-benchmark.sh). On this machine: PostgreSQL, Kafka, the simulators and
 * order-, production- and inventory-service, each its own process. For each ERP latency it measures
 * <ol>
 * <li>the raw peer: the ERP simulator's CreateSalesOrder and PostProductionConfirmation driven directly by a JAX-WS
 * client at the platform's concurrency;</li>
 * <li>order intake: CRM orders offered over REST at a fixed rate (open loop), REST p50/p99, ERP sales orders
 * posted per second, accepted → confirmed-by-ERP lag;</li>
 * <li>ERP posting capacity: a backlog of orders taken while the ERP refuses CreateSalesOrder, posted once it is
 * back, compared with the raw rate;</li>
 * <li>MES confirmations offered at a fixed rate: posted to ERP per second, exactly once, and the goods receipts they
 * cause, posted to ERP exactly once;</li>
 * </ol>
 * and prints CPU per process and peak RSS per service. A line at least every 5 s; any failure ends it with exit 1.
 */
public final class ServicesBenchmark {

    /** The platform's ERP concurrency: millwright.kit.work-queues."order.erp-sales-order".concurrency (and confirmations'). */
    private static final int ERP_CONCURRENCY = 8;
    private static final Duration RAW_DURATION = Duration.ofSeconds(15);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /** The version before the work queues (-Dbench.before=true) posts goods receipts one at a time: how long they are waited for. */
    private static final Duration PARTIAL_AFTER = Duration.ofMinutes(5);
    private static final boolean BEFORE = Boolean.getBoolean("bench.before");
    /** JDK Flight Recorder recordings of the order and confirmation phases, one per service. */
    private static final Path PROFILES = Path.of(System.getProperty("millwright.root", "."), "target", "bench", "profiles");
    /** Closed loop: each of these clients sends its next request when the last is answered, so the warm-up never overloads. */
    private static final int WARM_UP_CLIENTS = 4;
    /** The load's bearer token: issued by the test identity provider, with every role, valid for an hour. */
    private static final String CALLER_TOKEN = TestTokens.withEveryRole();

    private record Settings(double ordersPerSecond, double confirmationsPerSecond, Duration phase, List<Long> erpLatenciesMs) {
    }

    private ServicesBenchmark() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: services-benchmark.sh [orders/s] [confirmations/s] [seconds per phase] [ERP latencies in ms, "
                    + "comma-separated] (defaults 300 500 60 0,50)");
            System.exit(2);
            return;
        }
        try (Progress progress = new Progress()) {
            Progress.say(String.format("offered: %.0f orders/s, %.0f confirmations/s, %d s per phase, ERP latency %s ms",
                    settings.ordersPerSecond(), settings.confirmationsPerSecond(), settings.phase().toSeconds(), settings.erpLatenciesMs()));
            List<Report> reports;
            try (Platform platform = Platform.start(progress)) {
                reports = new ServicesBenchmark.Run(settings, platform, progress).all();
                Progress.say("peak RSS (MB): " + platform.peakRssMb());
            }
            boolean exactlyOnce = true;
            for (Report report : reports) {
                report.print();
                exactlyOnce &= report.exactlyOnce();
            }
            Report.printTargets(reports, settings.ordersPerSecond());
            if (!exactlyOnce) {
                Progress.say("FAILED: a confirmation or movement was not posted to ERP exactly once (see above)");
                System.exit(1);
            }
        } catch (Exception e) {
            Progress.say("FAILED: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static Settings settings(String[] args) {
        if (args.length > 4) {
            throw new IllegalArgumentException("at most 4 arguments, got " + args.length);
        }
        double orders = args.length > 0 ? positive(args[0], "orders/s") : 300;
        double confirmations = args.length > 1 ? positive(args[1], "confirmations/s") : 500;
        long seconds = args.length > 2 ? (long) positive(args[2], "seconds per phase") : 60;
        List<Long> latencies = new ArrayList<>();
        for (String latency : (args.length > 3 ? args[3] : "0,50").split(",")) {
            try {
                latencies.add(Long.parseLong(latency.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ERP latency '" + latency + "' is not a number of milliseconds");
            }
        }
        return new Settings(orders, confirmations, Duration.ofSeconds(seconds), latencies);
    }

    private static double positive(String value, String what) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " must be a positive number, was '" + value + "'");
    }

    /** One benchmark run against one platform. */
    private static final class Run {

        private final Settings settings;
        private final Platform platform;
        private final Progress progress;
        private final String id = UUID.randomUUID().toString().substring(0, 8);
        /**
         * HTTP/1.1 as CRMs and MESs call: Java's client would otherwise upgrade to HTTP/2 and multiplex every request
         * over one connection, whose body reads the server serialises (one connection, one event loop).
         */
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(16)).build();
        private final Figures figures;

        Run(Settings settings, Platform platform, Progress progress) {
            this.settings = settings;
            this.platform = platform;
            this.progress = progress;
            this.figures = new Figures(platform.db);
        }

        List<Report> all() throws Exception {
            int perLatency = (int) Math.ceil(settings.confirmationsPerSecond() * settings.phase().toSeconds() / Workload.CONFIRMATIONS_PER_ORDER);
            // at most 300 confirmations/s in the warm-up
            int forWarmUp = (int) Math.ceil(300.0 * WARM_UP.toSeconds() / Workload.CONFIRMATIONS_PER_ORDER);
            List<List<String>> productionOrders = releaseProductionOrders(perLatency, settings.erpLatenciesMs().size(), forWarmUp);
            String rawOrder = String.valueOf(platform.erp.createProductionOrder(Workload.ITEM,
                    BigDecimal.valueOf(1_000_000), null, false).get("productionOrderNumber"));
            warmUp(productionOrders.get(productionOrders.size() - 1));
            List<Report> reports = new ArrayList<>();
            for (int i = 0; i < settings.erpLatenciesMs().size(); i++) {
                long latency = settings.erpLatenciesMs().get(i);
                Report report = new Report(latency, ERP_CONCURRENCY);
                erpLatency(latency);
                Progress.say("=== ERP latency " + latency + " ms ===");
                RawErp raw = new RawErp(platform.erp.soapUrl(), id + "-" + latency);
                report.rawSalesOrders = raw.salesOrdersPerSecond(ERP_CONCURRENCY, RAW_DURATION, progress);
                Progress.say(String.format("raw CreateSalesOrder: %.0f/s at concurrency %d", report.rawSalesOrders, ERP_CONCURRENCY));
                report.rawConfirmations = raw.confirmationsPerSecond(ERP_CONCURRENCY, RAW_DURATION, rawOrder, progress);
                Progress.say(String.format("raw PostProductionConfirmation: %.0f/s at concurrency %d", report.rawConfirmations,
                        ERP_CONCURRENCY));
                orders(report, latency);
                drain(report, latency);
                confirmations(report, latency, productionOrders.get(i));
                platform.checkAlive();
                reports.add(report);
            }
            return reports;
        }

        private void erpLatency(long latencyMs) {
            platform.erp.clearFaults();
            if (latencyMs > 0) {
                platform.erp.injectFault("LATENCY", null, latencyMs, null);
            }
        }

        /**
         * Every service's code paths run for {@link #WARM_UP} with {@link #WARM_UP_CLIENTS} clients sending orders and as
         * many sending confirmations (not counted), as in a platform that has been up for a while: the JIT has compiled them, the pools are
         * filled. Figures of a JVM's first seconds would measure the interpreter, not the platform.
         */
        private void warmUp(List<String> productionOrders) {
            String orderPrefix = "WARM-" + id + "-";
            String confirmationPrefix = "WC-" + id + "-";
            AtomicLong orders = new AtomicLong();
            AtomicLong confirmations = new AtomicLong();
            progress.show(() -> "warm-up: " + orders.get() + " orders, " + confirmations.get() + " confirmations");
            long end = System.nanoTime() + WARM_UP.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(2 * WARM_UP_CLIENTS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < WARM_UP_CLIENTS; i++) {
                    running.add(clients.submit(() -> {
                        while (System.nanoTime() < end) {
                            long n = orders.incrementAndGet();
                            send(post(platform.order.baseUrl() + "/api/v1/orders", Workload.crmOrder(orderPrefix + n)));
                        }
                        return null;
                    }));
                    running.add(clients.submit(() -> {
                        while (System.nanoTime() < end) {
                            long n = confirmations.incrementAndGet();
                            send(post(platform.production.baseUrl() + "/api/v1/mes/confirmations", Workload.yieldConfirmation(
                                    confirmationPrefix + n, productionOrders.get((int) (n % productionOrders.size())))));
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("warm-up failed: " + e.getMessage(), e);
            } finally {
                clients.shutdownNow();
            }
            awaitCount("warm-up orders confirmed by ERP", () -> figures.ordersConfirmed(orderPrefix), orders.get());
            awaitCount("warm-up confirmations posted to ERP", () -> figures.confirmationsPosted(confirmationPrefix), confirmations.get());
            if (!BEFORE) {
                // the version before the work queues posts them one at a time per tick: they would hold up the run for half an hour
                awaitCount("warm-up goods receipts posted to ERP", () -> figures.movementsPosted("PR-" + confirmationPrefix),
                        confirmations.get());
            }
            Progress.say(String.format("warm-up (not counted): %d orders and %d confirmations from %d clients each in %d s, %s",
                    orders.get(), confirmations.get(), WARM_UP_CLIENTS, WARM_UP.toSeconds(),
                    BEFORE ? "posted to ERP (their goods receipts not waited for)" : "all posted to ERP with their goods receipts"));
        }

        /** One request, answered 202, or the benchmark fails. */
        private void send(HttpRequest request) throws Exception {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        }

        /**
         * Production orders for the confirmation phases, released to production-service by the ERP simulator: {@code sets}
         * sets of {@code perSet}, then one of {@code forWarmUp}.
         */
        private List<List<String>> releaseProductionOrders(int perSet, int sets, int forWarmUp) throws Exception {
            int total = perSet * sets + forWarmUp;
            List<String> numbers = Collections.synchronizedList(new ArrayList<>());
            progress.show(() -> "releasing production orders for the confirmation phases: " + numbers.size() + " of " + total);
            ExecutorService releasers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    work.add(releasers.submit(() -> {
                        Map<String, Object> order = platform.erp.createProductionOrder(Workload.ITEM, BigDecimal.valueOf(Workload.ORDER_QUANTITY),
                                null, true);
                        Object outcome = order.get("release") instanceof Map<?, ?> release ? release.get("outcome") : null;
                        if (!"OK".equals(outcome)) {
                            throw new IllegalStateException("production-service did not take the release of " + order);
                        }
                        numbers.add(String.valueOf(order.get("productionOrderNumber")));
                        return null;
                    }));
                }
                for (Future<?> future : work) {
                    future.get();
                }
            } finally {
                releasers.shutdownNow();
            }
            List<String> sorted = new ArrayList<>(numbers);
            Collections.sort(sorted);
            List<List<String>> result = new ArrayList<>();
            for (int set = 0; set < sets; set++) {
                result.add(sorted.subList(set * perSet, (set + 1) * perSet));
            }
            result.add(sorted.subList(sets * perSet, total));
            Progress.say(total + " production orders released to production-service");
            return result;
        }

        private void orders(Report report, long latency) {
            String prefix = "BENCH-" + id + "-" + latency + "-";
            OpenLoop load = new OpenLoop(http, "orders");
            LongSupplier confirmed = () -> figures.ordersConfirmed(prefix);
            progress.show(() -> load.progress() + ", " + confirmed.getAsLong() + " confirmed by ERP");
            Map<String, Double> cpuBefore = platform.cpuSeconds();
            Profiler profiler = Profiler.start(PROFILES, latency + "ms-orders", platform.pids());
            long started = System.nanoTime();
            load.run(settings.ordersPerSecond(), settings.phase(), n -> post(platform.order.baseUrl() + "/api/v1/orders",
                    Workload.crmOrder(prefix + n)), 202);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.profileOrders = profiler.stop();
            long confirmedInPhase = confirmed.getAsLong();
            report.cpuOrders = cores(cpuBefore, seconds);
            report.ordersOffered = load.offeredPerSecond();
            report.ordersAccepted = load.accepted() / seconds;
            report.ordersRefused = load.refusals();
            report.ordersSkipped = load.skipped();
            report.restP50 = load.latencies().percentileMillis(0.50);
            report.restP99 = load.latencies().percentileMillis(0.99);
            report.salesOrdersPostedDuringIntake = confirmedInPhase / seconds;
            Progress.say(String.format("orders: %.0f/s offered, %.0f/s accepted, REST p50 %.0f ms p99 %.0f ms, refused %s; %.0f/s confirmed "
                    + "by ERP meanwhile", report.ordersOffered, report.ordersAccepted, report.restP50, report.restP99, report.ordersRefused,
                    report.salesOrdersPostedDuringIntake));
            awaitCount("orders confirmed by ERP", confirmed, load.accepted());
            double[] lag = figures.orderLagMillis(prefix);
            report.lagP50 = lag[0];
            report.lagP99 = lag[1];
        }

        private void drain(Report report, long latency) {
            String prefix = "DRAIN-" + id + "-" + latency + "-";
            long backlog = Math.max(2000, Math.min(8000, Math.round(report.rawSalesOrders * 15)));
            platform.erp.clearFaults();
            platform.erp.injectFault("UNAVAILABLE", null, null, "CreateSalesOrder");
            OpenLoop load = new OpenLoop(http, "backlog orders (ERP refusing CreateSalesOrder)");
            progress.show(load::progress);
            Map<String, Double> cpuIntake = platform.cpuSeconds();
            long intakeStarted = System.nanoTime();
            load.run(settings.ordersPerSecond(), Duration.ofMillis(Math.round(backlog * 1000 / settings.ordersPerSecond())),
                    n -> post(platform.order.baseUrl() + "/api/v1/orders", Workload.crmOrder(prefix + n)), 202);
            double intakeSeconds = (System.nanoTime() - intakeStarted) / 1e9;
            report.cpuIntakeAlone = cores(cpuIntake, intakeSeconds);
            report.intakeAloneOffered = load.offeredPerSecond();
            report.intakeAloneAccepted = load.accepted() / intakeSeconds;
            report.intakeAloneP50 = load.latencies().percentileMillis(0.50);
            report.intakeAloneP99 = load.latencies().percentileMillis(0.99);
            Progress.say(String.format("orders while ERP refuses (intake alone): %.0f/s offered, %.0f/s accepted, REST p50 %.0f ms p99 %.0f ms",
                    report.intakeAloneOffered, report.intakeAloneAccepted, report.intakeAloneP50, report.intakeAloneP99));
            Progress.say(load.accepted() + " orders wait for ERP; ERP back with " + latency + " ms latency");
            LongSupplier confirmed = () -> figures.ordersConfirmed(prefix);
            progress.show(() -> confirmed.getAsLong() + " of " + load.accepted() + " backlog orders confirmed by ERP");
            Map<String, Double> cpuBefore = platform.cpuSeconds();
            long started = System.nanoTime();
            erpLatency(latency);
            awaitCount("backlog orders confirmed by ERP", confirmed, load.accepted());
            report.cpuDrain = cores(cpuBefore, (System.nanoTime() - started) / 1e9);
            report.salesOrdersPosted = figures.orderPostingRate(prefix);
            Progress.say(String.format("ERP posting: %.0f sales orders/s (raw %.0f/s, ratio %.2f)", report.salesOrdersPosted,
                    report.rawSalesOrders, report.salesOrdersPosted / report.rawSalesOrders));
        }

        private void confirmations(Report report, long latency, List<String> productionOrders) {
            String prefix = "BC-" + id + "-" + latency + "-";
            OpenLoop load = new OpenLoop(http, "confirmations");
            LongSupplier posted = () -> figures.confirmationsPosted(prefix);
            LongSupplier movements = () -> figures.movementsPosted("PR-" + prefix);
            progress.show(() -> load.progress() + ", " + posted.getAsLong() + " posted to ERP, " + movements.getAsLong() + " receipts posted");
            Map<String, Double> cpuBefore = platform.cpuSeconds();
            Profiler profiler = Profiler.start(PROFILES, latency + "ms-confirmations", platform.pids());
            long started = System.nanoTime();
            load.run(settings.confirmationsPerSecond(), settings.phase(), n -> post(platform.production.baseUrl() + "/api/v1/mes/confirmations",
                    Workload.yieldConfirmation(prefix + n, productionOrders.get((int) (n % productionOrders.size())))), 202);
            double seconds = (System.nanoTime() - started) / 1e9;
            report.profileConfirmations = profiler.stop();
            long postedInPhase = posted.getAsLong();
            report.confirmationsOffered = load.offeredPerSecond();
            report.confirmationsAccepted = load.accepted() / seconds;
            report.confirmationsRefused = load.refusals();
            report.confirmationRestP50 = load.latencies().percentileMillis(0.50);
            report.confirmationRestP99 = load.latencies().percentileMillis(0.99);
            Progress.say(String.format("confirmations: %.0f/s offered, %.0f/s accepted, REST p50 %.0f ms p99 %.0f ms, refused %s; %.0f/s "
                    + "posted to ERP meanwhile", report.confirmationsOffered, report.confirmationsAccepted, report.confirmationRestP50,
                    report.confirmationRestP99, report.confirmationsRefused, postedInPhase / seconds));
            // A confirmation whose caller timed out may still have been stored (and is then posted): the platform
            // owes a posting for every stored one, not only for those answered 202 in time.
            long stored = settled(() -> figures.confirmationsStored(prefix));
            if (stored != load.accepted()) {
                Progress.say(String.format("confirmations: %d stored, %d of them answered 202 in time", stored, load.accepted()));
            }
            awaitCount("confirmations posted to ERP", posted, stored);
            long receipts = awaitCountOrStop("goods receipts posted to ERP", movements, stored);
            report.cpuConfirmations = cores(cpuBefore, (System.nanoTime() - started) / 1e9);
            report.confirmationsPosted = figures.confirmationPostingRate(prefix);
            double[] lag = figures.confirmationLagMillis(prefix);
            report.confirmationLagP50 = lag[0];
            report.confirmationLagP99 = lag[1];
            report.confirmationsExactlyOnce = figures.erpPostings("CONFIRMATION", prefix, stored);
            report.movementsPosted = figures.movementPostingRate("PR-" + prefix);
            report.movementsExactlyOnce = figures.erpPostings("MOVEMENT", "PR-" + prefix, receipts);
            report.movementsWaitedFor = receipts < stored ? receipts + " of " + stored : null;
        }

        /**
         * {@link #awaitCount}; but with {@code -Dbench.before=true}, a count still short after {@link #PARTIAL_AFTER} is
         * returned as it is (the figures then cover what was done by then) instead of failing the run.
         *
         * @return the count reached
         */
        private long awaitCountOrStop(String what, LongSupplier count, long expected) {
            if (!BEFORE) {
                awaitCount(what, count, expected);
                return expected;
            }
            long deadline = System.nanoTime() + PARTIAL_AFTER.toNanos();
            long now = count.getAsLong();
            while (now < expected && System.nanoTime() < deadline) {
                platform.checkAlive();
                sleep(Duration.ofMillis(500));
                now = count.getAsLong();
            }
            if (now < expected) {
                Progress.say(String.format("%s: %d of %d after %d min; the figures count what was posted by then", what, now, expected,
                        PARTIAL_AFTER.toMinutes()));
            }
            return Math.min(now, expected);
        }

        /** A count once it has not changed for 3 s (requests the clients gave up on may still be finishing). */
        private long settled(LongSupplier count) {
            long last = count.getAsLong();
            long lastChange = System.nanoTime();
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (System.nanoTime() - lastChange < Duration.ofSeconds(3).toNanos() && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(500));
                long now = count.getAsLong();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                }
            }
            return last;
        }

        private void awaitCount(String what, LongSupplier count, long expected) {
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            long last = -1;
            long lastChange = System.nanoTime();
            while (true) {
                long now = count.getAsLong();
                if (now >= expected) {
                    return;
                }
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                }
                platform.checkAlive();
                if (System.nanoTime() > deadline || System.nanoTime() - lastChange > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException(what + ": " + now + " of " + expected + " after waiting; the services' logs: "
                            + platform.services().values().stream().map(p -> p.logFile().toString()).toList());
                }
                sleep(Duration.ofMillis(500));
            }
        }

        private Map<String, Double> cores(Map<String, Double> before, double seconds) {
            Map<String, Double> after = platform.cpuSeconds();
            Map<String, Double> cores = new LinkedHashMap<>();
            after.forEach((name, cpu) -> cores.put(name, (cpu - before.getOrDefault(name, 0.0)) / seconds));
            return cores;
        }

        private static HttpRequest post(String url, String json) {
            // one caller with every role (a CRM for orders, an MES for confirmations): each request is authenticated
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + CALLER_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
