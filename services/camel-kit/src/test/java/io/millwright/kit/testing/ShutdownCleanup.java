package io.millwright.kit.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tears down what the test resources started when the test JVM exits: child JVMs first (services get SIGTERM,
 * Kafka SIGKILL, anything still alive after a grace period SIGKILL), then the fresh databases, then scratch
 * directories.
 *
 * <p>Everything it needs is read from system properties at exit time, and {@link TestInfrastructure} installs
 * the copy of this class loaded by the system class loader. Quarkus closes its per-application class loaders
 * long before the JVM exits, and a hook defined by a closed loader fails as soon as it needs a class it has not
 * loaded yet. Keep this class self-contained (JDK and PostgreSQL driver only).
 */
final class ShutdownCleanup {

    /** Newline-separated {@code pid@startMillis@kind} of every child JVM started by the test support. */
    static final String CHILDREN = "millwright.test.children";
    /** Newline-separated database names to drop at exit. */
    static final String DATABASES = "millwright.test.postgres.drop-at-exit";
    static final String ADMIN_URL = "millwright.test.postgres.admin-url";
    static final String ADMIN_USER = "millwright.test.postgres.admin-username";
    static final String ADMIN_PASSWORD = "millwright.test.postgres.admin-password";
    /** Newline-separated directories to delete at exit (after the processes using them are gone). */
    static final String DIRECTORIES = "millwright.test.delete-at-exit";
    static final String HOOK_INSTALLED = "millwright.test.shutdown-hook";

    static final String KIND_SERVICE = "service";
    static final String KIND_KAFKA = "kafka";

    private static final long SERVICE_GRACE_MILLIS = 10_000;
    private static final long KILL_WAIT_MILLIS = 5_000;

    private ShutdownCleanup() {
    }

    /** Called reflectively, on the system class loader's copy when there is one. */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::run, "millwright-test-cleanup"));
    }

    static void run() {
        try {
            stopChildren();
        } catch (Throwable t) {
            report("stopping child processes", t);
        }
        try {
            dropDatabases();
        } catch (Throwable t) {
            report("dropping test databases", t);
        }
        try {
            deleteDirectories();
        } catch (Throwable t) {
            report("deleting scratch directories", t);
        }
    }

    private static void stopChildren() throws InterruptedException {
        List<ProcessHandle> alive = new ArrayList<>();
        for (String entry : list(CHILDREN)) {
            String[] parts = entry.split("@");
            if (parts.length != 3) {
                continue;
            }
            Optional<ProcessHandle> handle = resolve(parts[0] + "@" + parts[1]);
            if (handle.isEmpty()) {
                continue;
            }
            if (KIND_SERVICE.equals(parts[2])) {
                handle.get().destroy();
            } else {
                handle.get().destroyForcibly();
            }
            alive.add(handle.get());
        }
        long deadline = System.currentTimeMillis() + SERVICE_GRACE_MILLIS;
        for (ProcessHandle handle : alive) {
            waitForExit(handle, deadline - System.currentTimeMillis());
        }
        for (ProcessHandle handle : alive) {
            if (handle.isAlive()) {
                System.err.println("[millwright-test] pid " + handle.pid() + " ignored SIGTERM for "
                        + SERVICE_GRACE_MILLIS / 1000 + " s; killing it");
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : alive) {
            waitForExit(handle, KILL_WAIT_MILLIS);
        }
    }

    private static void dropDatabases() {
        List<String> names = list(DATABASES);
        if (names.isEmpty()) {
            return;
        }
        try (Connection admin = connect(System.getProperty(ADMIN_URL), System.getProperty(ADMIN_USER, "postgres"),
                System.getProperty(ADMIN_PASSWORD, ""))) {
            for (String name : names) {
                try {
                    dropDatabase(admin, name);
                } catch (SQLException e) {
                    report("dropping database " + name + " (a later run drops it once it is a day old)", e);
                }
            }
        } catch (SQLException e) {
            report("connecting to PostgreSQL to drop " + names + " (a later run drops them once they are a day old)", e);
        }
    }

    private static void deleteDirectories() {
        for (String dir : list(DIRECTORIES)) {
            try {
                deleteRecursively(Path.of(dir));
            } catch (IOException e) {
                report("deleting " + dir, e);
            }
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("ApplicationName", "millwright-tests");
        // The driver instance directly, not DriverManager: DriverManager refuses drivers from another class loader.
        Connection connection = new org.postgresql.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }

    static void dropDatabase(Connection admin, String name) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name.replace("\"", "\"\"") + "\" WITH (FORCE)");
        }
    }

    /** A live process from its {@code pid@startMillis} reference; empty when it has exited or the pid was reused. */
    static Optional<ProcessHandle> resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String[] parts = reference.split("@");
        try {
            long pid = Long.parseLong(parts[0]);
            long start = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> start == 0 || startMillis(h) == 0 || startMillis(h) == start);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    static List<String> list(String property) {
        String value = System.getProperty(property, "");
        List<String> items = new ArrayList<>();
        for (String item : value.split("\n")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static void waitForExit(ProcessHandle handle, long millis) throws InterruptedException {
        if (millis <= 0) {
            return;
        }
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // checked by the caller through isAlive()
        }
    }

    private static void report(String what, Throwable t) {
        System.err.println("[millwright-test] cleanup at JVM exit failed while " + what + ": " + t);
    }
}
