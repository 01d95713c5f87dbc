package io.millwright.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One child JVM with its output in a log file. Built either from the {@link Process} this class loader started
 * or, from another class loader, from the {@code pid@startMillis} reference kept in a system property.
 */
final class ChildJvm {

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final ProcessHandle handle;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, ProcessHandle handle, Process process, Path logFile) {
        this.name = name;
        this.handle = handle;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} with stdout and stderr appended to a new {@code target/process-logs/<name>-<n>.log}. */
    static ChildJvm launch(String name, List<String> command, String kind) {
        return launch(name, command, kind, java.util.Map.of());
    }

    /** As {@link #launch(String, List, String)} with these environment variables added. */
    static ChildJvm launch(String name, List<String> command, String kind, java.util.Map<String, String> environment) {
        Path log = TestInfrastructure.newLogFile(name);
        try {
            Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
        Process process;
        try {
            // stdin stays a private pipe: inheriting it would hand the child surefire's command channel
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + name + ": " + String.join(" ", command), e);
        }
        TestInfrastructure.registerChild(process.toHandle(), kind);
        return new ChildJvm(name, process.toHandle(), process, log);
    }

    /** The process behind a reference made by {@link #reference()}, if it is still alive. */
    static Optional<ChildJvm> attach(String name, String reference, Path logFile) {
        return ShutdownCleanup.resolve(reference).map(h -> new ChildJvm(name, h, null, logFile));
    }

    String reference() {
        return TestInfrastructure.reference(handle);
    }

    long pid() {
        return handle.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** Waits up to {@code timeout} for the process to end; true when it has. */
    boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + describe() + " to exit", e);
        }
    }

    /** SIGKILL, then wait for the process to be gone. */
    void kill() {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroyForcibly();
        if (!awaitExit(KILL_WAIT)) {
            throw new IllegalStateException(describe() + " is still alive " + KILL_WAIT.toSeconds() + " s after SIGKILL");
        }
    }

    /** SIGTERM and wait up to {@code grace}; a process that ignores it is killed (and the fact logged). */
    void stop(Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        if (!awaitExit(grace)) {
            System.err.println("[millwright-test] " + describe() + " did not stop within " + grace.toSeconds()
                    + " s of SIGTERM; killing it. Log: " + logFile);
            kill();
        }
    }

    /** "exit code N" when known (only to the loader that started it), else "exited". */
    String exitDescription() {
        if (process != null && !process.isAlive()) {
            return "exit code " + process.exitValue();
        }
        return handle.isAlive() ? "still running" : "exited";
    }

    String describe() {
        return name + " (pid " + handle.pid() + ")";
    }
}
