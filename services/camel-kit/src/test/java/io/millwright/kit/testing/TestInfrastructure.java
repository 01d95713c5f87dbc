package io.millwright.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JVM-wide plumbing behind the test resources: checkout root, build directory, log files, free ports, and the
 * registry of child processes that must not outlive the test JVM.
 *
 * <p>Why system properties and a string lock: Quarkus loads test classes (and this test-jar) in a fresh class
 * loader for every application start (another test profile or resource set restarts it), so a {@code static}
 * field exists once per loader, not once per JVM. What must be shared (ports, pids, database name) is kept in
 * system properties as plain strings, and guarded by {@link #JVM_LOCK}, a string literal: literals are
 * interned, so every loader's copy of this class sees the same monitor.
 */
final class TestInfrastructure {

    static final Object JVM_LOCK = "io.millwright.kit.testing.TestInfrastructure.JVM_LOCK";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private TestInfrastructure() {
    }

    /**
     * The checkout root: system property {@code millwright.root} (set by surefire/failsafe in the parent pom),
     * else the nearest directory above the working directory that holds {@code mvnw}.
     */
    static Path checkoutRoot() {
        String configured = System.getProperty("millwright.root");
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isRegularFile(root.resolve("mvnw"))) {
                return root;
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Millwright checkout root: system property millwright.root is "
                + (configured == null ? "not set" : "'" + configured + "' (no mvnw there)")
                + " and no directory above " + cwd + " holds mvnw");
    }

    /** {@code <working dir>/target}, the module's build directory when run by Maven. */
    static Path buildDir() {
        return Path.of("").toAbsolutePath().resolve("target");
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A new, never used {@code target/process-logs/<name>-<n>.log}; numbering continues across test JVMs. */
    static Path newLogFile(String name) {
        Path dir = buildDir().resolve("process-logs");
        try {
            Files.createDirectories(dir);
            for (int n = 1; ; n++) {
                try {
                    return Files.createFile(dir.resolve(name + "-" + n + ".log"));
                } catch (FileAlreadyExistsException taken) {
                    // next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a log file for " + name + " in " + dir, e);
        }
    }

    /** The last {@code lines} lines of a log file, framed for an exception message. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.exists(file)) {
            return "(no log file)";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, 256 * 1024);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill
            }
            List<String> all = Arrays.asList(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)
                    .split("\r?\n"));
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last) + "\n--- end of log ---";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** A port nobody listens on right now. */
    static int freePort() {
        return freePorts(1)[0];
    }

    /** Distinct free ports: all sockets stay open until every port is chosen. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free TCP port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:port. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isPortFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records a child JVM so the exit hook stops it, and starts a watchdog that kills it should this JVM die
     * without running shutdown hooks (SIGKILL, a surefire fork timeout with {@code shutdown=kill}).
     */
    static void registerChild(ProcessHandle child, String kind) {
        ensureShutdownHook();
        synchronized (JVM_LOCK) {
            List<String> entries = new ArrayList<>();
            for (String entry : ShutdownCleanup.list(ShutdownCleanup.CHILDREN)) {
                int lastAt = entry.lastIndexOf('@');
                if (lastAt > 0 && ShutdownCleanup.resolve(entry.substring(0, lastAt)).isPresent()) {
                    entries.add(entry);
                }
            }
            entries.add(reference(child) + "@" + kind);
            System.setProperty(ShutdownCleanup.CHILDREN, String.join("\n", entries));
        }
        startOrphanWatchdog(child.pid());
    }

    /** {@code pid@startMillis}: identifies a process across class loaders without being fooled by pid reuse. */
    static String reference(ProcessHandle handle) {
        return handle.pid() + "@" + ShutdownCleanup.startMillis(handle);
    }

    static void deleteAtExit(Path directory) {
        ensureShutdownHook();
        appendToList(ShutdownCleanup.DIRECTORIES, directory.toAbsolutePath().toString());
    }

    static void appendToList(String property, String item) {
        synchronized (JVM_LOCK) {
            List<String> items = new ArrayList<>(ShutdownCleanup.list(property));
            if (!items.contains(item)) {
                items.add(item);
            }
            System.setProperty(property, String.join("\n", items));
        }
    }

    static void removeFromList(String property, String item) {
        synchronized (JVM_LOCK) {
            List<String> items = new ArrayList<>(ShutdownCleanup.list(property));
            items.remove(item);
            System.setProperty(property, String.join("\n", items));
        }
    }

    /** Installs the exit hook once per JVM, from the system class loader when it can see this test-jar. */
    static void ensureShutdownHook() {
        synchronized (JVM_LOCK) {
            if (System.getProperty(ShutdownCleanup.HOOK_INSTALLED) != null) {
                return;
            }
            Class<?> cleanup = ShutdownCleanup.class;
            try {
                cleanup = Class.forName(ShutdownCleanup.class.getName(), true, ClassLoader.getSystemClassLoader());
            } catch (ClassNotFoundException | LinkageError notOnSystemClasspath) {
                // an unusual launcher: this loader's copy has to do
            }
            try {
                Method install = cleanup.getDeclaredMethod("install");
                install.setAccessible(true);
                install.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot install the test cleanup hook", e);
            }
            System.setProperty(ShutdownCleanup.HOOK_INSTALLED, cleanup.getClassLoader().toString());
        }
    }

    /**
     * A tiny shell loop that outlives a hard-killed test JVM just long enough to kill its child; it ends by
     * itself when the child ends. POSIX only; elsewhere the shutdown hook is all there is.
     */
    private static void startOrphanWatchdog(long childPid) {
        Path shell = Path.of("/bin/sh");
        if (!Files.isExecutable(shell)) {
            return;
        }
        long parentPid = ProcessHandle.current().pid();
        String script = "while kill -0 " + parentPid + " 2>/dev/null && kill -0 " + childPid + " 2>/dev/null; do sleep 1; done; "
                + "kill -0 " + parentPid + " 2>/dev/null || kill -9 " + childPid + " 2>/dev/null";
        try {
            Process watchdog = new ProcessBuilder(shell.toString(), "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            watchdog.getOutputStream().close();
        } catch (IOException e) {
            System.err.println("[millwright-test] no orphan watchdog for pid " + childPid + ": " + e);
        }
    }

    /**
     * Runs a Kafka client constructor with the Kafka jar's class loader as context loader. Kafka loads configured
     * classes (metric reporters, serializers) through the context loader, and Quarkus starts test resources on
     * pool threads whose context loader may be a different one: the result would be a ClassCastException.
     */
    static <T> T withKafkaClassLoader(java.util.function.Supplier<T> construct) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(org.apache.kafka.clients.admin.Admin.class.getClassLoader());
        try {
            return construct.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
