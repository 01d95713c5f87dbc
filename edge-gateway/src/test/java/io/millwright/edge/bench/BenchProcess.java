package io.millwright.edge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the benchmark (the gateway, the Kafka broker) with its log file: CPU and memory from {@code /proc},
 * a loud failure with the end of its log when it is gone, and a stop that says what it is waiting for.
 */
final class BenchProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private BenchProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with its output appended to {@code log}; it is killed when the benchmark exits. */
    static BenchProcess start(String name, ProcessBuilder command, Path log) throws IOException {
        Process process = command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new BenchProcess(name, process, log);
    }

    long pid() {
        return process.pid();
    }

    /** @throws IllegalStateException naming the exit code and showing the end of the log, when it is gone */
    void checkAlive(String during) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited (code " + process.exitValue() + ") " + during + "; the end of "
                    + log + ":\n" + tail(log, 40));
        }
    }

    /** Something the benchmark waits for. */
    interface Condition {
        boolean met() throws Exception;
    }

    /**
     * Polls {@code condition} until it is met, with a line every {@link Progress#EVERY_SECONDS} s.
     *
     * @throws IllegalStateException with the end of the log, when the process exits first or {@code timeout} passes
     */
    void awaitUntil(String what, Duration timeout, Condition condition) throws Exception {
        long started = System.nanoTime();
        long nextLine = started + TimeUnit.SECONDS.toNanos(Progress.EVERY_SECONDS);
        while (!condition.met()) {
            checkAlive("while waiting for " + what);
            long now = System.nanoTime();
            if (now - started > timeout.toNanos()) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout.toSeconds() + " s; the end of " + log + ":\n"
                        + tail(log, 40));
            }
            if (now > nextLine) {
                Progress.line("waiting for %s (%d s)", what, TimeUnit.NANOSECONDS.toSeconds(now - started));
                nextLine += TimeUnit.SECONDS.toNanos(Progress.EVERY_SECONDS);
            }
            Thread.sleep(250);
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; a line every 5 s while it takes. */
    void stop(Duration grace) throws InterruptedException {
        process.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (!process.waitFor(5, TimeUnit.SECONDS)) {
            if (System.nanoTime() > deadline) {
                Progress.line("%s did not stop within %d s: killed", name, grace.toSeconds());
                process.destroyForcibly().waitFor();
                return;
            }
            Progress.line("waiting for %s to stop", name);
        }
    }

    /** utime + stime of the process, from /proc (clock ticks of 1/100 s on Linux). */
    double cpuSeconds() throws IOException {
        return cpuSeconds(process.pid());
    }

    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** A {@code /proc/<pid>/status} figure in kB ({@code VmRSS:}, {@code VmHWM:}, {@code RssAnon:}). */
    long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
