package io.millwright.edge.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.millwright.kit.testing.ServiceProcess;
import io.millwright.model.event.Topics;

/**
 * The local single-node Kafka ({@code deploy/kafka-broker}) as its own JVM with full JIT and Kafka's default flush
 * policy (durability by the page cache here; by replication in a real cluster), stopped and started on the same
 * data directory for the outage.
 */
final class BenchKafka {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final int port = ServiceProcess.freePort();
    private final int controllerPort = ServiceProcess.freePort();
    private BenchProcess process;

    BenchKafka(Path root, Path work) throws IOException {
        this.jar = root.resolve("deploy/kafka-broker/target/kafka-broker.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Kafka launcher " + jar + " is missing: build it with"
                    + " ./mvnw -pl edge-gateway -am package -DskipTests (deploy/bench/edge-benchmark.sh does)");
        }
        this.dataDir = Files.createTempDirectory(work, "kafka-");
        this.log = dataDir.resolve("broker.log");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Returns once the broker accepts connections; a line every 5 s meanwhile. */
    void start() throws Exception {
        process = BenchProcess.start("Kafka", new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(), "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                "--data-dir", dataDir.toString(), "--topics", Topics.EDGE_TELEMETRY + "," + Topics.EDGE_EVENTS,
                "--override", "log.flush.interval.messages=" + Long.MAX_VALUE), log);
        process.awaitUntil("Kafka on " + bootstrapServers(), START_TIMEOUT, this::accepting);
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
            process = null;
        }
    }

    /** @throws IllegalStateException when the broker should run and does not */
    void checkAlive(String during) {
        if (process != null) {
            process.checkAlive(during);
        }
    }

    double cpuSeconds() throws IOException {
        return process.cpuSeconds();
    }

    private boolean accepting() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
