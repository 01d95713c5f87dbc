package io.millwright.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

import io.millwright.model.event.KafkaAccess;
import io.millwright.model.event.Topics;

/**
 * A real single-node KRaft Kafka broker ({@code deploy/kafka-broker}) running as a child JVM, one per test JVM.
 *
 * <p>Tests simulate a Kafka outage with {@link #stop()} or {@link #kill()} and {@link #start()}: the broker comes
 * back on the same ports with the same data directory, so everything acknowledged before is still there.
 * The broker is killed and its data directory deleted when the test JVM exits.
 *
 * <p>Besides the plaintext listener the broker has a {@link SecureListener}: {@code SASL_SSL} with mutual TLS and
 * SCRAM-SHA-512, as a cloud Kafka has, with certificates made for this broker at first start. Both listeners lead to
 * the same topics, and the broker authorizes as the local run's does: on the secure listener each principal of
 * {@link KafkaAccess#ALL} (a SCRAM user with a client certificate, password {@link #scramPassword}) may do exactly
 * what its rules allow; {@value #TEST_PRINCIPAL} (the kit's test application) and the plaintext listener (test
 * clients, {@link KafkaTestClient}) may do anything. The platform's topics ({@link Topics#PLATFORM}) exist before
 * {@link #shared()} returns.
 */
public final class KafkaBroker {

    private static final String PORT = "millwright.test.kafka.port";
    private static final String SECURE_PORT = "millwright.test.kafka.secure-port";
    private static final String CONTROLLER_PORT = "millwright.test.kafka.controller-port";
    private static final String DATA_DIR = "millwright.test.kafka.data-dir";
    private static final String PROCESS = "millwright.test.kafka.process";
    private static final String LOG_FILE = "millwright.test.kafka.log-file";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int FIRST_START_ATTEMPTS = 3;
    /** Holds the {@code pid@startMillis} of the test JVM that owns a data directory. */
    private static final String OWNER_FILE = "owner";
    /** Key store password of the broker's test certificates (they live and die with its data directory). */
    private static final String TLS_PASSWORD = "millwright-test";
    /** The SCRAM user that exists from the broker's first start, with its client certificate's name. */
    public static final String SCRAM_USER = KafkaAccess.LOCAL_PLANT.principal();
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    /** A principal allowed everything, for tests of the kit that make their own topics. */
    public static final String TEST_PRINCIPAL = "kit-test";
    private static final String PREPARED_FILE = "prepared";

    /**
     * The SCRAM password of a principal of the broker ({@link KafkaAccess#ALL} and {@value #TEST_PRINCIPAL}): one per
     * test JVM for all of them, so a Quarkus test application is given it without anyone knowing its principal.
     */
    public static String scramPassword(String principal) {
        return TestSecrets.of("kafka-scram");
    }

    private final int port;
    private final int controllerPort;
    private final int securePort;
    private final Path dataDir;

    private KafkaBroker(int port, int controllerPort, int securePort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.securePort = securePort;
        this.dataDir = dataDir;
    }

    /**
     * The broker's {@code SASL_SSL} listener: TLS with a client certificate required (trust store = the broker's
     * CA; key store = a client certificate), then SCRAM-SHA-512. All stores PKCS12, in {@code tlsDir}.
     */
    public record SecureListener(String bootstrapServers, Path tlsDir, String storePassword) {

        public Path truststore() {
            return tlsDir.resolve("truststore.p12");
        }

        /** The client certificate made for this principal, or the test principal's for one the broker has none for. */
        public Path keystore(String principal) {
            Path own = tlsDir.resolve("client-" + principal + ".p12");
            return Files.isRegularFile(own) ? own : tlsDir.resolve("client-" + TEST_PRINCIPAL + ".p12");
        }

        /** Producer/consumer properties for this listener as {@code user}. */
        public Map<String, Object> clientProperties(String user, String password) {
            return Map.of(
                    "bootstrap.servers", bootstrapServers,
                    "security.protocol", "SASL_SSL",
                    "ssl.truststore.location", truststore().toString(),
                    "ssl.truststore.password", storePassword,
                    "ssl.truststore.type", "PKCS12",
                    "ssl.keystore.location", keystore(user).toString(),
                    "ssl.keystore.password", storePassword,
                    "ssl.keystore.type", "PKCS12",
                    "sasl.mechanism", SCRAM_MECHANISM,
                    "sasl.jaas.config", scramJaasConfig(user, password));
        }

        /** The kit's settings ({@code millwright.kit.kafka.*}) of a service connecting as {@code principal}. */
        public Map<String, String> serviceProperties(String principal) {
            return Map.of(
                    "kafka.bootstrap.servers", bootstrapServers,
                    "millwright.kit.kafka.security-protocol", "SASL_SSL",
                    "millwright.kit.kafka.principal", principal,
                    "millwright.kit.kafka.password", scramPassword(principal),
                    "millwright.kit.kafka.truststore", truststore().toString(),
                    "millwright.kit.kafka.truststore-password", storePassword,
                    "millwright.kit.kafka.keystore", keystore(principal).toString(),
                    "millwright.kit.kafka.keystore-password", storePassword);
        }

        public static String scramJaasConfig(String user, String password) {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                    + "\" password=\"" + password + "\";";
        }
    }

    /** The broker of this test JVM, started on free ports with a fresh data directory under {@code target/} on first use. */
    public static synchronized KafkaBroker shared() {
        synchronized (TestInfrastructure.JVM_LOCK) {
            String port = System.getProperty(PORT);
            if (port != null) {
                return new KafkaBroker(Integer.parseInt(port), Integer.parseInt(System.getProperty(CONTROLLER_PORT)),
                        Integer.parseInt(System.getProperty(SECURE_PORT)), Path.of(System.getProperty(DATA_DIR)));
            }
            launcherJar();
            // Another process may take a probed port before Kafka binds it; on first start that costs only a retry.
            IllegalStateException failure = null;
            for (int attempt = 1; attempt <= FIRST_START_ATTEMPTS; attempt++) {
                int[] ports = TestInfrastructure.freePorts(3);
                KafkaBroker broker = new KafkaBroker(ports[0], ports[1], ports[2], newDataDir());
                try {
                    broker.launchAndAwaitReady();
                    System.setProperty(CONTROLLER_PORT, String.valueOf(broker.controllerPort));
                    System.setProperty(SECURE_PORT, String.valueOf(broker.securePort));
                    System.setProperty(DATA_DIR, broker.dataDir.toString());
                    System.setProperty(PORT, String.valueOf(broker.port));
                    return broker;
                } catch (IllegalStateException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            throw failure;
        }
    }

    /** {@code 127.0.0.1:PORT}; stays the same across {@link #stop()} and {@link #start()}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The {@code SASL_SSL} listener; stays the same across {@link #stop()} and {@link #start()}. */
    public SecureListener secureListener() {
        return new SecureListener("127.0.0.1:" + securePort, dataDir.resolve("tls"), TLS_PASSWORD);
    }

    /** Gives a principal made by a test (a plant's gateway, say) its rules, through the plaintext listener. */
    public void grant(KafkaAccess access) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "millwright-test-acls");
        try (Admin admin = TestInfrastructure.withKafkaClassLoader(() -> Admin.create(config))) {
            admin.createAcls(access.aclBindings()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot grant " + access + " on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while granting " + access, e);
        }
    }

    /** Creates the SCRAM user or changes its password (through the plaintext listener); returns once applied. */
    public void setScramPassword(String user, String password) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "millwright-test-scram");
        try (Admin admin = TestInfrastructure.withKafkaClassLoader(() -> Admin.create(config))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot set the SCRAM password of " + user + " on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting a SCRAM password", e);
        }
    }

    /** Graceful stop (SIGTERM), returns once the process has exited. The data directory is kept. */
    public synchronized void stop() {
        synchronized (TestInfrastructure.JVM_LOCK) {
            current().ifPresent(child -> child.stop(STOP_TIMEOUT));
            System.setProperty(PROCESS, "");
        }
    }

    /** Hard stop (SIGKILL), returns once the process has exited. */
    public synchronized void kill() {
        synchronized (TestInfrastructure.JVM_LOCK) {
            current().ifPresent(ChildJvm::kill);
            System.setProperty(PROCESS, "");
        }
    }

    /**
     * Starts the broker again on the same ports and data directory; returns once an AdminClient
     * {@code describeCluster} succeeds. Does nothing but that check when it is already running.
     */
    public synchronized void start() {
        synchronized (TestInfrastructure.JVM_LOCK) {
            Optional<ChildJvm> running = current();
            if (running.isPresent()) {
                awaitReady(running.get());
                return;
            }
            launchAndAwaitReady();
        }
    }

    public boolean isRunning() {
        return current().isPresent();
    }

    /** The broker process's id while it runs (for CPU and memory figures). */
    public OptionalLong pid() {
        return current().map(child -> OptionalLong.of(child.pid())).orElse(OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", data " + dataDir + (isRunning() ? ", running]" : ", stopped]");
    }

    private Optional<ChildJvm> current() {
        String logFile = System.getProperty(LOG_FILE);
        return ChildJvm.attach("kafka-broker", System.getProperty(PROCESS), logFile == null ? null : Path.of(logFile));
    }

    private static Path launcherJar() {
        Path jar = TestInfrastructure.checkoutRoot().resolve("deploy/kafka-broker/target/kafka-broker.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Kafka launcher not found at " + jar
                    + ": build it with ./mvnw -o install -pl deploy/kafka-broker first");
        }
        return jar;
    }

    private void launchAndAwaitReady() {
        List<String> command = new ArrayList<>(List.of(TestInfrastructure.javaExecutable().toString(),
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-jar", launcherJar().toString(),
                "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controllerPort),
                "--data-dir", dataDir.toString(),
                "--topics", String.join(",", Topics.PLATFORM),
                "--super-user", TEST_PRINCIPAL,
                "--secure-port", String.valueOf(securePort),
                "--tls-password", TLS_PASSWORD,
                // After kill() the controller refuses the restarted broker until the old registration's session
                // expires (9 s by default); a short session makes "Kafka comes back" quick.
                "--override", "broker.heartbeat.interval.ms=500,broker.session.timeout.ms=3000"));
        List<String> principals = new ArrayList<>(KafkaAccess.ALL.stream().map(KafkaAccess::principal).toList());
        principals.add(TEST_PRINCIPAL);
        for (String principal : principals) {
            command.addAll(List.of("--tls-client", principal, "--scram-user", principal + ":" + scramPassword(principal)));
        }
        ChildJvm child = ChildJvm.launch("kafka-broker", command, ShutdownCleanup.KIND_KAFKA);
        System.setProperty(PROCESS, child.reference());
        System.setProperty(LOG_FILE, child.logFile().toString());
        try {
            awaitReady(child);
        } catch (RuntimeException e) {
            child.kill();
            System.setProperty(PROCESS, "");
            throw e;
        }
    }

    private void awaitReady(ChildJvm child) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        // Until the JVM has bound the port an AdminClient only logs connection warnings; a plain connect is silent.
        while (!TestInfrastructure.isListening(port)) {
            checkStarting(child, deadline, "port " + port + " not open yet");
            child.awaitExit(Duration.ofMillis(100));
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "millwright-test-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2000);
        try (Admin admin = TestInfrastructure.withKafkaClassLoader(() -> Admin.create(config))) {
            String lastError = "no answer yet";
            while (true) {
                checkStarting(child, deadline, lastError);
                try {
                    if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        lastError = "describeCluster returned no nodes";
                    } else if (!Files.isRegularFile(dataDir.resolve(PREPARED_FILE))) {
                        lastError = "topics, SCRAM users and rules not in place yet";
                    } else {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastError = String.valueOf(e.getCause() != null ? e.getCause() : e);
                }
                child.awaitExit(Duration.ofMillis(100));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka on " + bootstrapServers(), e);
        }
    }

    private void checkStarting(ChildJvm child, long deadline, String lastError) {
        if (!child.isAlive()) {
            throw new IllegalStateException("Kafka broker " + child.describe() + " on " + bootstrapServers()
                    + " exited during start-up (" + child.exitDescription() + ")\n" + TestInfrastructure.tail(child.logFile(), 60));
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka broker " + child.describe() + " on " + bootstrapServers()
                    + " was not ready within " + READY_TIMEOUT.toSeconds() + " s (last error: " + lastError + ")\n"
                    + TestInfrastructure.tail(child.logFile(), 60));
        }
    }

    private static Path newDataDir() {
        try {
            Path parent = Files.createDirectories(TestInfrastructure.buildDir().resolve("kafka-broker"));
            deleteOrphanedDataDirs(parent);
            Path dir = Files.createTempDirectory(parent, "data-");
            Files.writeString(dir.resolve(OWNER_FILE), TestInfrastructure.reference(ProcessHandle.current()));
            TestInfrastructure.deleteAtExit(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Kafka data directory under " + TestInfrastructure.buildDir(), e);
        }
    }

    /** Data directories of test JVMs that died without their exit hook (killed): their owner is gone. */
    private static void deleteOrphanedDataDirs(Path parent) throws IOException {
        List<Path> orphans;
        try (Stream<Path> dirs = Files.list(parent)) {
            orphans = dirs.filter(dir -> dir.getFileName().toString().startsWith("data-"))
                    .filter(dir -> Files.isRegularFile(dir.resolve(OWNER_FILE)))
                    .filter(dir -> ShutdownCleanup.resolve(readOwner(dir)).isEmpty())
                    .collect(Collectors.toList());
        }
        for (Path orphan : orphans) {
            try {
                ShutdownCleanup.deleteRecursively(orphan);
            } catch (IOException e) {
                // another test JVM may be sweeping it right now; it is only disk space
            }
        }
    }

    private static String readOwner(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(OWNER_FILE)).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
