package io.millwright.kit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.PostgresDatabase;

/**
 * What a test JVM leaves behind when it ends: nothing when it exits normally (broker killed, database dropped),
 * and no broker when it is killed outright. Uses a second JVM ({@link InfrastructureInChildJvm}) as the test JVM.
 */
class TestJvmExitTest {

    private static final Pattern READY = Pattern.compile("READY database=(\\S+) kafka=127\\.0\\.0\\.1:(\\d+)");
    private static final String STALE_DATABASE = "mw_20000101_000000_kit0";

    private final PostgresDatabase database = PostgresDatabase.shared();

    @Test
    void normalExitKillsTheBrokerDropsTheDatabaseAndOldLeftovers() throws Exception {
        database.execute("DROP DATABASE IF EXISTS " + STALE_DATABASE + " WITH (FORCE)");
        database.execute("CREATE DATABASE " + STALE_DATABASE);

        Process child = launch("exit");
        Matcher ready = awaitReady(child);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM exits").isTrue();
        assertThat(child.exitValue()).isZero();

        assertThat(databaseExists(ready.group(1))).as("child's database dropped at exit").isFalse();
        assertThat(databaseExists(STALE_DATABASE)).as("day-old leftover dropped by the child").isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> !listening(Integer.parseInt(ready.group(2))));
    }

    @Test
    void aKilledTestJvmTakesItsBrokerWithItAndTheNextRunSweepsItsDataDirectory() throws Exception {
        Set<Path> dataDirsBefore = kafkaDataDirs();
        Process child = launch("wait");
        Matcher ready = awaitReady(child);
        int kafkaPort = Integer.parseInt(ready.group(2));
        assertThat(listening(kafkaPort)).isTrue();

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> !listening(kafkaPort));
        Set<Path> orphaned = new HashSet<>(kafkaDataDirs());
        orphaned.removeAll(dataDirsBefore);
        assertThat(orphaned).as("the killed JVM's broker data").isNotEmpty();

        Process nextRun = launch("exit");
        Matcher nextReady = awaitReady(nextRun);
        assertThat(nextRun.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(orphaned).allSatisfy(dir -> assertThat(dir).doesNotExist());
        assertThat(databaseExists(nextReady.group(1))).isFalse();

        // no shutdown hook ran in the killed JVM: its database stays until a run a day later, so drop it here
        database.execute("DROP DATABASE IF EXISTS " + ready.group(1) + " WITH (FORCE)");
    }

    private static Process launch(String mode) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "process-logs")).resolve("child-test-jvm-" + mode + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        if (System.getProperty("millwright.root") != null) {
            command.add("-Dmillwright.root=" + System.getProperty("millwright.root"));
        }
        command.add(InfrastructureInChildJvm.class.getName());
        command.add(mode);
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    private static Matcher awaitReady(Process child) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                throw new IllegalStateException("child JVM ended before it was ready; see target/process-logs/child-test-jvm-*.log");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            child.destroyForcibly();
            throw e;
        }
    }

    private static Set<Path> kafkaDataDirs() throws IOException {
        Path parent = Path.of("target", "kafka-broker");
        if (!Files.isDirectory(parent)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.map(Path::toAbsolutePath).collect(Collectors.toSet());
        }
    }

    private boolean databaseExists(String name) {
        return database.count("select count(*) from pg_database where datname = ?", name) > 0;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }
}
