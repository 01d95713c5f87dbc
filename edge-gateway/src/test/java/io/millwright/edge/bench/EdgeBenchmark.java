package io.millwright.edge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.millwright.kit.testing.ServiceProcess;
import io.millwright.model.event.Topics;

/**
 * The edge benchmark (not a test): the packaged gateway as its own JVM, with its production JVM options, reading a
 * simulated high-rate source into its synced journal and forwarding to a real Kafka broker, while this process
 * consumes the topic. Prints samples/s journaled and forwarded in steady state, the backlog drain rate after a 60 s
 * Kafka outage, end-to-end latency (sampled at the PLC read → readable in Kafka) p50/p99 and the gateway's peak RSS.
 *
 * <p>Run with {@code deploy/bench/edge-benchmark.sh}; arguments: {@code [connections] [tags per connection]
 * [scan ms] [steady seconds] [outage seconds]}, defaults 2 500 20 60 60 (50,000 samples/s offered).
 */
public final class EdgeBenchmark {

    private static final Pattern METRIC = Pattern.compile("^(millwright_edge_[a-z_]+)\\{[^}]*}\\s+([0-9.eE+-]+|NaN)$", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        int connections = arg(args, 0, 2);
        int tags = arg(args, 1, 500);
        int scanMillis = arg(args, 2, 20);
        int steadySeconds = arg(args, 3, 60);
        int outageSeconds = arg(args, 4, 60);
        // the settings a plant install runs with: JAVA_OPTS and the glibc malloc tuning of deploy/edge/edge.env.example
        Map<String, String> installEnv = envFile(Path.of(System.getProperty("millwright.root", ".."), "deploy", "edge", "edge.env.example"));
        String javaOpts = System.getProperty("bench.java-opts", installEnv.get("JAVA_OPTS"));

        Path work = Files.createDirectories(Path.of("target", "bench")).toAbsolutePath();
        Broker broker = new Broker(work);
        broker.start();
        Path plant = work.resolve("plant.yaml");
        Files.writeString(plant, plantFile(connections, tags, scanMillis));
        Path dataDir = Files.createTempDirectory(work, "journal-");
        int port = ServiceProcess.freePort();
        Path jar = ServiceProcess.quarkusApp("edge-gateway");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        command.addAll(List.of("-Dmillwright.edge.config=" + plant, "-Dmillwright.edge.data-dir=" + dataDir,
                "-Dmillwright.edge.kafka.bootstrap-servers=" + broker.bootstrapServers(), "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN", "-jar", jar.toString()));
        Path log = work.resolve("edge-gateway.log");
        ProcessBuilder gatewayProcess = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        installEnv.forEach((name, value) -> {
            if (name.startsWith("MALLOC_")) {
                gatewayProcess.environment().put(name, value);
            }
        });
        Process gateway = gatewayProcess.start();
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::destroyForcibly));
        String base = "http://127.0.0.1:" + port;
        System.out.printf("Edge benchmark: %d connection(s) x %d simulated tags every %d ms = %,d samples/s offered; JVM %s; %s%n",
                connections, tags, scanMillis, connections * tags * 1000L / scanMillis, javaOpts,
                gatewayProcess.environment().entrySet().stream().filter(e -> e.getKey().startsWith("MALLOC_"))
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" ")));
        awaitReady(base, gateway, log);

        Latency latency = new Latency();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(broker.bootstrapServers(), latency, consuming), "bench-consumer");
        consumer.start();

        // warm-up, then steady state
        sleep(15);
        latency.reset();
        Map<String, Double> start = metrics(base);
        double cpu0 = cpuSeconds(gateway.pid());
        double brokerCpu0 = cpuSeconds(broker.pid());
        double benchCpu0 = cpuSeconds(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        sleep(steadySeconds);
        Map<String, Double> end = metrics(base);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double gatewayCores = (cpuSeconds(gateway.pid()) - cpu0) / seconds;
        double brokerCores = (cpuSeconds(broker.pid()) - brokerCpu0) / seconds;
        double consumerCores = (cpuSeconds(ProcessHandle.current().pid()) - benchCpu0) / seconds;
        double acquiredRate = (end.get("millwright_edge_acquired_total") - start.get("millwright_edge_acquired_total")) / seconds;
        double forwardedRate = (end.get("millwright_edge_forwarded_total") - start.get("millwright_edge_forwarded_total")) / seconds;
        long[] steadyLatency = latency.percentiles();
        long steadyRss = statusKb(gateway.pid(), "VmRSS:");
        long steadyAnon = statusKb(gateway.pid(), "RssAnon:");
        long steadyPeakRss = peakRssKb(gateway.pid());

        // outage: Kafka stopped, the journal holds everything, then drains while acquisition goes on
        broker.stop();
        sleep(outageSeconds);
        double backlogAtRestart = metrics(base).get("millwright_edge_backlog");
        broker.start();
        Map<String, Double> drainStart = metrics(base);
        long d0 = System.nanoTime();
        double backlog = backlogAtRestart;
        while (backlog > acquiredRate * 0.5 && (System.nanoTime() - d0) / 1e9 < 180) {
            Thread.sleep(500);
            backlog = metrics(base).get("millwright_edge_backlog");
        }
        double drainSeconds = (System.nanoTime() - d0) / 1e9;
        Map<String, Double> drainEnd = metrics(base);
        double drainForwardRate = (drainEnd.get("millwright_edge_forwarded_total") - drainStart.get("millwright_edge_forwarded_total")) / drainSeconds;
        double dropped = drainEnd.get("millwright_edge_dropped_total");

        long peakRss = peakRssKb(gateway.pid());
        long endRss = statusKb(gateway.pid(), "VmRSS:");
        long endAnon = statusKb(gateway.pid(), "RssAnon:");
        consuming.set(false);
        consumer.join(10_000);
        gateway.destroy();
        gateway.waitFor();
        broker.stop();

        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        System.out.printf("| samples/s accepted into the journal (steady, %d s) | %,.0f |%n", steadySeconds, acquiredRate);
        System.out.printf("| samples/s forwarded to Kafka (steady) | %,.0f |%n", forwardedRate);
        System.out.printf("| CPU in steady state: gateway / Kafka broker / consuming benchmark (cores of %d) | %.2f / %.2f / %.2f |%n",
                Runtime.getRuntime().availableProcessors(), gatewayCores, brokerCores, consumerCores);
        System.out.printf("| gateway samples per CPU-second (journal + forward) | %,.0f |%n", forwardedRate / Math.max(0.01, gatewayCores));
        System.out.printf("| end-to-end latency p50 / p99 (PLC read → readable in Kafka, steady) | %d ms / %d ms |%n",
                steadyLatency[0], steadyLatency[1]);
        System.out.printf("| backlog after a %d s Kafka outage | %,.0f entries |%n", outageSeconds, backlogAtRestart);
        System.out.printf("| drain: forwarded/s while catching up (live acquisition continues) | %,.0f |%n", drainForwardRate);
        System.out.printf("| drain: time measured (until the backlog was gone, at most 180 s) | %.1f s |%n", drainSeconds);
        System.out.printf("| backlog left after it | %,.0f entries |%n", backlog);
        System.out.printf("| net drain rate ((backlog at restart - left) / time) | %,.0f entries/s |%n", (backlogAtRestart - backlog) / drainSeconds);
        System.out.printf("| entries dropped by the disk budget | %,.0f |%n", dropped);
        System.out.printf("| gateway RSS at the end of the steady phase / peak until then (VmRSS / VmHWM) | %,d MB / %,d MB |%n",
                steadyRss / 1024, steadyPeakRss / 1024);
        System.out.printf("| gateway peak RSS over the whole run, outage and drain included (VmHWM) | %,d MB |%n", peakRss / 1024);
        System.out.printf("| gateway RSS of which anonymous memory: end of steady phase / end of run | %,d of %,d MB / %,d of %,d MB |%n",
                steadyAnon / 1024, steadyRss / 1024, endAnon / 1024, endRss / 1024);
        System.exit(0);
    }

    /**
     * The local single-node Kafka as its own JVM with full JIT and Kafka's default flush policy (durability by the
     * page cache here; by replication in a real cluster), stopped and started on the same data directory.
     */
    private static final class Broker {
        private final Path dataDir;
        private final int port = ServiceProcess.freePort();
        private final int controllerPort = ServiceProcess.freePort();
        private Process process;

        Broker(Path work) throws IOException {
            this.dataDir = Files.createTempDirectory(work, "kafka-");
        }

        String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

        void start() throws Exception {
            Path jar = Path.of(System.getProperty("millwright.root", "."), "deploy", "kafka-broker", "target", "kafka-broker.jar");
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar",
                    jar.toString(), "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                    "--data-dir", dataDir.toString(), "--topics", Topics.EDGE_TELEMETRY + "," + Topics.EDGE_EVENTS,
                    "--override", "log.flush.interval.messages=" + Long.MAX_VALUE)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            throw new IllegalStateException("Kafka did not start; see " + dataDir.resolve("broker.log"));
        }

        long pid() {
            return process.pid();
        }

        void stop() throws InterruptedException {
            if (process != null) {
                process.destroy();
                process.waitFor();
                process = null;
            }
        }
    }

    private static String plantFile(int connections, int tags, int scanMillis) {
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

    private static void consume(String bootstrap, Latency latency, AtomicBoolean running) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EDGE_TELEMETRY));
            long seen = 0;
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (seen++ % 20 == 0) {
                        Header time = record.headers().lastHeader("ce_time");
                        if (time != null) {
                            long sampled = OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant().toEpochMilli();
                            latency.record(System.currentTimeMillis() - sampled);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                System.err.println("consumer stopped: " + e);
            }
        }
    }

    private static Map<String, Double> metrics(String base) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> sums = new java.util.HashMap<>();
        Matcher m = METRIC.matcher(body);
        while (m.find()) {
            double value = m.group(2).equals("NaN") ? 0 : Double.parseDouble(m.group(2));
            sums.merge(m.group(1), value, Double::sum);
        }
        return sums;
    }

    private static void awaitReady(String base, Process gateway, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("gateway exited; see " + log);
            }
            try {
                if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gateway not ready within 120 s; see " + log);
    }

    /** utime + stime of a process, from /proc (clock ticks of 1/100 s on Linux). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>();
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

    private static long peakRssKb(long pid) throws IOException {
        return statusKb(pid, "VmHWM:");
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int arg(String[] args, int index, int defaultValue) {
        return args.length > index ? Integer.parseInt(args[index]) : defaultValue;
    }

    private static void sleep(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }

    /** Latencies in ms, kept in a histogram of 1 ms buckets up to 60 s. */
    private static final class Latency {
        private final AtomicLong[] buckets = new AtomicLong[60_001];

        Latency() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new AtomicLong();
            }
        }

        void record(long millis) {
            buckets[(int) Math.max(0, Math.min(buckets.length - 1, millis))].incrementAndGet();
        }

        void reset() {
            for (AtomicLong bucket : buckets) {
                bucket.set(0);
            }
        }

        long[] percentiles() {
            long total = 0;
            for (AtomicLong bucket : buckets) {
                total += bucket.get();
            }
            long p50 = -1;
            long p99 = -1;
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i].get();
                if (p50 < 0 && seen >= total * 0.50) {
                    p50 = i;
                }
                if (p99 < 0 && seen >= total * 0.99) {
                    p99 = i;
                    break;
                }
            }
            return new long[] {p50, p99};
        }
    }
}
