package io.millwright.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) running as a child JVM, for
 * {@code *IT} tests and for the simulators.
 *
 * <p>The child runs in the test JVM's working directory (so relative paths in its properties mean the same to
 * both), logs stdout and stderr to {@code target/process-logs/<name>-<n>.log}, and is stopped when the test JVM
 * exits if the test did not stop it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String HTTP_PORT = "quarkus.http.port";
    private static final String MANAGEMENT_PORT = "quarkus.management.port";
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final String name;
    private final Path jar;
    private final Map<String, String> systemProperties;
    private final int port;
    private final int managementPort;
    private final List<String> jvmOptions;
    private final ChildJvm child;

    private ServiceProcess(String name, Path jar, Map<String, String> systemProperties, List<String> jvmOptions, int port,
            int managementPort, ChildJvm child) {
        this.name = name;
        this.jar = jar;
        this.systemProperties = systemProperties;
        this.jvmOptions = jvmOptions;
        this.port = port;
        this.managementPort = managementPort;
        this.child = child;
    }

    /** The JVM options of a test service: a small heap and the C1 compiler only, so a test JVM's children start fast. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    /**
     * Starts {@code java -jar quarkusRunJar} with {@code -Dkey=value} for each system property and
     * {@code quarkus.http.port} and {@code quarkus.management.port} set to free ports unless given; returns once
     * {@code /q/health/ready} answers 200 on the management interface (services) or the main port (apps without one).
     *
     * @throws IllegalStateException when the process exits first or is not ready within {@code readyTimeout}
     *         (then it is killed); the message carries the last 60 lines of its log
     */
    public static ServiceProcess start(String name, Path quarkusRunJar, Map<String, String> systemProperties,
            Duration readyTimeout) {
        return start(name, quarkusRunJar, systemProperties, TEST_JVM_OPTIONS, readyTimeout);
    }

    /** As {@link #start(String, Path, Map, Duration)} with JVM options of its own (heap, compiler), e.g. for a benchmark. */
    public static ServiceProcess start(String name, Path quarkusRunJar, Map<String, String> systemProperties, List<String> jvmOptions,
            Duration readyTimeout) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Process name must match " + SAFE_NAME + " (it names the log file), got " + name);
        }
        if (quarkusRunJar == null || !Files.isRegularFile(quarkusRunJar)) {
            throw new IllegalStateException("Cannot start " + name + ": " + quarkusRunJar + " does not exist (build it with ./mvnw package first)");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (systemProperties != null) {
            properties.putAll(systemProperties);
        }
        String givenPort = properties.remove(HTTP_PORT);
        int port = givenPort == null || givenPort.isBlank() ? 0 : Integer.parseInt(givenPort.trim());
        if (port <= 0) {
            // the readiness check and baseUrl() need the real port, so "random" (0) is chosen here
            port = freePort();
        }
        String givenManagementPort = properties.remove(MANAGEMENT_PORT);
        int managementPort = givenManagementPort == null || givenManagementPort.isBlank() ? 0 : Integer.parseInt(givenManagementPort.trim());
        if (managementPort <= 0) {
            managementPort = freePort();
        }
        return launch(name, quarkusRunJar.toAbsolutePath(), Collections.unmodifiableMap(properties), List.copyOf(jvmOptions), port,
                managementPort, readyTimeout);
    }

    /** {@code <root>/<modulePath>/target/quarkus-app/quarkus-run.jar}, which must exist. */
    public static Path quarkusApp(String modulePath) {
        Path root = TestInfrastructure.checkoutRoot();
        Path jar = root.resolve(modulePath).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged Quarkus app at " + jar + ": build it with ./mvnw package first (./mvnw -o package -pl "
                    + modulePath + " -DskipTests)");
        }
        return jar;
    }

    /** A TCP port nobody listens on right now (ServerSocket(0)). */
    public static int freePort() {
        return TestInfrastructure.freePort();
    }

    public int httpPort() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** {@code http://127.0.0.1:<management port>}: health and metrics of a service (Quarkus's management interface). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path logFile() {
        return child.logFile();
    }

    /** SIGKILL, returns once the process is gone: a crash or power cut as far as the service can tell. */
    public void kill() {
        child.kill();
    }

    /** SIGTERM (graceful Quarkus shutdown), waits up to 30 s, then kills. */
    public void stop() {
        child.stop(STOP_GRACE);
    }

    /** A new process with the same properties and port (and a new log file); this one is stopped first if running. */
    public ServiceProcess restart(Duration readyTimeout) {
        if (child.isAlive()) {
            stop();
        }
        return launch(name, jar, systemProperties, jvmOptions, port, managementPort, readyTimeout);
    }

    /** The operating system's process id, e.g. to read the process's memory and CPU from /proc. */
    public long pid() {
        return child.pid();
    }

    @Override
    public void close() {
        if (child.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return "ServiceProcess[" + child.describe() + ", " + baseUrl() + ", log " + logFile() + "]";
    }

    /** The {@code pid@startMillis} reference of the running process, for state kept across class loaders. */
    String processReference() {
        return child.reference();
    }

    private static ServiceProcess launch(String name, Path jar, Map<String, String> properties, List<String> jvmOptions, int port,
            int managementPort, Duration readyTimeout) {
        if (!TestInfrastructure.isPortFree(port)) {
            throw new IllegalStateException("Cannot start " + name + ": port " + port + " is already in use");
        }
        List<String> command = new ArrayList<>(List.of(TestInfrastructure.javaExecutable().toString()));
        command.addAll(jvmOptions);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-D" + HTTP_PORT + "=" + port);
        command.add("-D" + MANAGEMENT_PORT + "=" + managementPort);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + (value == null ? "" : value)));
        command.add("-jar");
        command.add(jar.toString());
        ChildJvm child = ChildJvm.launch(name, command, ShutdownCleanup.KIND_SERVICE);
        ServiceProcess service = new ServiceProcess(name, jar, properties, jvmOptions, port, managementPort, child);
        try {
            service.awaitReady(readyTimeout);
        } catch (RuntimeException e) {
            child.kill();
            throw e;
        }
        return service;
    }

    private void awaitReady(Duration timeout) {
        // a service answers on its management interface; an app without one (the simulators) on its main port
        List<URI> candidates = List.of(URI.create(managementUrl() + "/q/health/ready"), URI.create(baseUrl() + "/q/health/ready"));
        URI ready = candidates.get(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        int lastStatus = 0;
        while (true) {
            if (!child.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (" + child.exitDescription() + ")\n"
                        + TestInfrastructure.tail(child.logFile(), 60));
            }
            for (URI candidate : candidates) {
                HttpRequest request = HttpRequest.newBuilder(candidate).timeout(Duration.ofSeconds(2)).GET().build();
                try {
                    HttpResponse<String> response = TestInfrastructure.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    if (response.statusCode() != 404 || lastStatus == 0) {
                        ready = candidate;
                        lastStatus = response.statusCode();
                        lastAnswer = "HTTP " + lastStatus + " " + abbreviate(response.body());
                    }
                } catch (IOException e) {
                    if (lastStatus == 0) {
                        lastAnswer = e.toString();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + name + " to be ready", e);
                }
            }
            if (System.nanoTime() > deadline) {
                String hint = lastStatus == 404 ? " (404: does the app include quarkus-smallrye-health?)" : "";
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; last answer from "
                        + ready + ": " + lastAnswer + hint + "\n" + TestInfrastructure.tail(child.logFile(), 60));
            }
            child.awaitExit(Duration.ofMillis(200));
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
