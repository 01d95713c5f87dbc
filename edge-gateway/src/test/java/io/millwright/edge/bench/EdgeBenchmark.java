package io.millwright.edge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The edge benchmark (not a test): the packaged gateway as its own JVM, with its production JVM options, reading a
 * simulated high-rate source into its synced journal and forwarding to a real Kafka broker, while this process
 * consumes the topic. Prints samples/s journaled and forwarded in steady state, the backlog drain rate after a
 * Kafka outage, end-to-end latency (sampled at the PLC read → readable in Kafka) p50/p99 and the gateway's peak RSS.
 *
 * <p>Every phase prints a line at least every {@link Progress#EVERY_SECONDS} s. Anything that breaks the run (the
 * gateway or Kafka gone, the consumer failing, a figure missing) ends it at once with the reason and exit code 1;
 * wrong arguments end it with exit code 2.
 *
 * <p>Run with {@code deploy/bench/edge-benchmark.sh}; arguments: {@code [connections] [tags per connection]
 * [scan ms] [steady seconds] [outage seconds]}, defaults 2 500 20 60 60 (50,000 samples/s offered).
 */
public final class EdgeBenchmark {

    static final String USAGE = "arguments: [connections] [tags per connection] [scan ms, at least 10] [steady s] [outage s]"
            + " (defaults 2 500 20 60 60), each a whole number of at least 1";
    private static final int WARM_UP_SECONDS = 15;
    private static final int DRAIN_SECONDS = 180;
    private static final String ACQUIRED = "millwright_edge_acquired_total";
    private static final String FORWARDED = "millwright_edge_forwarded_total";
    private static final String BACKLOG = "millwright_edge_backlog";

    private final int connections;
    private final int tags;
    private final int scanMillis;
    private final int steadySeconds;
    private final int outageSeconds;
    private BenchKafka kafka;
    private BenchGateway gateway;
    private LatencyConsumer consumer;

    private EdgeBenchmark(int[] settings) {
        this.connections = settings[0];
        this.tags = settings[1];
        this.scanMillis = settings[2];
        this.steadySeconds = settings[3];
        this.outageSeconds = settings[4];
    }

    public static void main(String[] args) {
        int[] settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println("Edge benchmark: " + wrong.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        try {
            new EdgeBenchmark(settings).run();
        } catch (Throwable failed) {
            System.out.flush();
            System.err.println("\nEdge benchmark FAILED: " + failed.getMessage());
            if (failed.getClass() != IllegalStateException.class || failed.getCause() != null) {
                failed.printStackTrace(); // not one of the benchmark's own checks: where it broke matters
            }
            System.exit(1); // the shutdown hooks kill the gateway and Kafka
        }
        System.exit(0);
    }

    static int[] settings(String[] args) {
        if (args.length > 5) {
            throw new IllegalArgumentException("at most 5 arguments, got " + args.length);
        }
        int[] settings = {2, 500, 20, 60, 60};
        for (int i = 0; i < args.length; i++) {
            try {
                settings[i] = Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("argument " + (i + 1) + " is not a whole number: '" + args[i] + "'");
            }
            if (settings[i] < 1) {
                throw new IllegalArgumentException("argument " + (i + 1) + " must be at least 1, was " + settings[i]);
            }
        }
        if (settings[2] < 10) {
            throw new IllegalArgumentException("the scan interval must be at least 10 ms (the plant file's minimum), was " + settings[2]);
        }
        return settings;
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("millwright.root", ".")).toAbsolutePath();
        // the settings a plant install runs with: JAVA_OPTS and the glibc malloc tuning of deploy/edge/edge.env.example
        Map<String, String> installEnv = envFile(root.resolve("deploy/edge/edge.env.example"));
        String javaOpts = System.getProperty("bench.java-opts", installEnv.get("JAVA_OPTS"));
        Map<String, String> malloc = installEnv.entrySet().stream().filter(e -> e.getKey().startsWith("MALLOC_"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b, LinkedHashMap::new));

        Path work = Files.createDirectories(root.resolve("target/bench"));
        Path plant = work.resolve("plant.yaml");
        Files.writeString(plant, plantFile());
        Path log = work.resolve("edge-gateway.log");
        Files.deleteIfExists(log);
        Progress.line("%d connection(s) x %d simulated tags every %d ms = %,d samples/s offered; JVM %s; %s", connections, tags,
                scanMillis, connections * tags * 1000L / scanMillis, javaOpts, malloc);

        kafka = new BenchKafka(root, work);
        Progress.line("starting Kafka");
        kafka.start();
        Progress.line("starting the gateway (log: %s)", log);
        gateway = BenchGateway.start(javaOpts, malloc, plant, Files.createTempDirectory(work, "journal-"), kafka.bootstrapServers(), log);
        BenchProcess gatewayProcess = gateway.process();

        consumer = new LatencyConsumer(kafka.bootstrapServers());
        LatencyHistogram latency = consumer.latency();

        phase("warm-up", WARM_UP_SECONDS, true);
        latency.reset();
        Map<String, Double> start = gateway.metrics();
        double cpu0 = gatewayProcess.cpuSeconds();
        double kafkaCpu0 = kafka.cpuSeconds();
        double benchCpu0 = BenchProcess.cpuSeconds(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        phase("steady state", steadySeconds, true);
        Map<String, Double> end = gateway.metrics();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double gatewayCores = (gatewayProcess.cpuSeconds() - cpu0) / seconds;
        double kafkaCores = (kafka.cpuSeconds() - kafkaCpu0) / seconds;
        double consumerCores = (BenchProcess.cpuSeconds(ProcessHandle.current().pid()) - benchCpu0) / seconds;
        double acquiredRate = (end.get(ACQUIRED) - start.get(ACQUIRED)) / seconds;
        double forwardedRate = (end.get(FORWARDED) - start.get(FORWARDED)) / seconds;
        long[] steadyLatency = latency.percentiles();
        if (steadyLatency[0] < 0) {
            throw new IllegalStateException("the consumer read no telemetry in the steady phase: no latency to report");
        }
        long steadyRss = gatewayProcess.statusKb("VmRSS:");
        long steadyAnon = gatewayProcess.statusKb("RssAnon:");
        long steadyPeakRss = gatewayProcess.statusKb("VmHWM:");

        // outage: Kafka stopped, the journal holds everything, then drains while acquisition goes on
        Progress.line("stopping Kafka for the outage");
        kafka.stop();
        phase("Kafka outage", outageSeconds, false);
        double backlogAtRestart = gateway.metrics().get(BACKLOG);
        Progress.line("starting Kafka again with %,.0f entries waiting", backlogAtRestart);
        kafka.start();
        Progress.line("Kafka is up again: the drain, at most %d s", DRAIN_SECONDS);
        Map<String, Double> drainStart = gateway.metrics();
        long d0 = System.nanoTime();
        double backlog = drain(acquiredRate * 0.5);
        double drainSeconds = (System.nanoTime() - d0) / 1e9;
        Map<String, Double> drainEnd = gateway.metrics();
        double drainForwardRate = (drainEnd.get(FORWARDED) - drainStart.get(FORWARDED)) / drainSeconds;
        double dropped = drainEnd.get("millwright_edge_dropped_total");

        long peakRss = gatewayProcess.statusKb("VmHWM:");
        long endRss = gatewayProcess.statusKb("VmRSS:");
        long endAnon = gatewayProcess.statusKb("RssAnon:");
        consumer.stop();
        Progress.line("stopping the gateway and Kafka");
        gatewayProcess.stop(Duration.ofSeconds(60));
        kafka.stop();

        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        System.out.printf("| samples/s accepted into the journal (steady, %d s) | %,.0f |%n", steadySeconds, acquiredRate);
        System.out.printf("| samples/s forwarded to Kafka (steady) | %,.0f |%n", forwardedRate);
        System.out.printf("| CPU in steady state: gateway / Kafka broker / consuming benchmark (cores of %d) | %.2f / %.2f / %.2f |%n",
                Runtime.getRuntime().availableProcessors(), gatewayCores, kafkaCores, consumerCores);
        System.out.printf("| gateway samples per CPU-second (journal + forward) | %,.0f |%n", forwardedRate / Math.max(0.01, gatewayCores));
        System.out.printf("| end-to-end latency p50 / p99 (PLC read → readable in Kafka, steady) | %d ms / %d ms |%n",
                steadyLatency[0], steadyLatency[1]);
        System.out.printf("| backlog after a %d s Kafka outage | %,.0f entries |%n", outageSeconds, backlogAtRestart);
        System.out.printf("| drain: forwarded/s while catching up (live acquisition continues) | %,.0f |%n", drainForwardRate);
        System.out.printf("| drain: time measured (until the backlog was gone, at most %d s) | %.1f s |%n", DRAIN_SECONDS, drainSeconds);
        System.out.printf("| backlog left after it | %,.0f entries |%n", backlog);
        System.out.printf("| net drain rate ((backlog at restart - left) / time) | %,.0f entries/s |%n", (backlogAtRestart - backlog) / drainSeconds);
        System.out.printf("| entries dropped by the disk budget | %,.0f |%n", dropped);
        System.out.printf("| gateway RSS at the end of the steady phase / peak until then (VmRSS / VmHWM) | %,d MB / %,d MB |%n",
                steadyRss / 1024, steadyPeakRss / 1024);
        System.out.printf("| gateway peak RSS over the whole run, outage and drain included (VmHWM) | %,d MB |%n", peakRss / 1024);
        System.out.printf("| gateway RSS of which anonymous memory: end of steady phase / end of run | %,d of %,d MB / %,d of %,d MB |%n",
                steadyAnon / 1024, steadyRss / 1024, endAnon / 1024, endRss / 1024);
        System.out.flush();
    }

    /** Waits out a phase with a line of the gateway's figures every few seconds; fails as soon as a part is gone. */
    private void phase(String name, int seconds, boolean kafkaRuns) throws Exception {
        Progress.line("%s: %d s", name, seconds);
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        long nextLine = started + TimeUnit.SECONDS.toNanos(Progress.EVERY_SECONDS);
        long now;
        while ((now = System.nanoTime()) < end) {
            TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.SECONDS.toNanos(1), end - now));
            checkParts(name, kafkaRuns);
            if (System.nanoTime() >= nextLine && System.nanoTime() < end) {
                report(name + " " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + "/" + seconds + " s");
                nextLine += TimeUnit.SECONDS.toNanos(Progress.EVERY_SECONDS);
            }
        }
    }

    /** Polls the backlog until it is down to {@code target} (live acquisition keeps a little) or the drain time is up. */
    private double drain(double target) throws Exception {
        long started = System.nanoTime();
        long nextLine = started + TimeUnit.SECONDS.toNanos(Progress.EVERY_SECONDS);
        double backlog = gateway.metrics().get(BACKLOG);
        while (backlog > target && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(DRAIN_SECONDS)) {
            Thread.sleep(500);
            checkParts("the drain", true);
            backlog = gateway.metrics().get(BACKLOG);
            if (System.nanoTime() >= nextLine) {
                Progress.line("drain %d s: backlog %,.0f", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), backlog);
                nextLine += TimeUnit.SECONDS.toNanos(Progress.EVERY_SECONDS);
            }
        }
        return backlog;
    }

    private void report(String where) throws IOException, InterruptedException {
        Map<String, Double> now = gateway.metrics();
        Progress.line("%s: %,.0f acquired, %,.0f forwarded, backlog %,.0f", where, now.get(ACQUIRED), now.get(FORWARDED), now.get(BACKLOG));
    }

    private void checkParts(String phase, boolean kafkaRuns) {
        gateway.process().checkAlive("during the " + phase);
        if (kafkaRuns) {
            kafka.checkAlive("during the " + phase);
        }
        consumer.checkAlive("during the " + phase);
    }

    private String plantFile() {
        StringBuilder yaml = new StringBuilder("plant: plant-bench\nconnections:\n");
        for (int c = 0; c < connections; c++) {
            yaml.append("  - id: line-").append(c).append("\n    url: simulated://line-").append(c).append("\n    tags:\n");
            for (int t = 0; t < tags; t++) {
                yaml.append("      - {id: l").append(c).append(".t").append(t).append(", address: \"RANDOM/t").append(t)
                        .append(":DINT\", scan: ").append(scanMillis).append("ms, unit: RPM, asset: line-").append(c).append("}\n");
            }
        }
        return yaml.toString();
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        if (!env.containsKey("JAVA_OPTS")) {
            throw new IllegalStateException(file + " sets no JAVA_OPTS");
        }
        return env;
    }
}
