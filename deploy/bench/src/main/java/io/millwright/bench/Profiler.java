package io.millwright.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the services spend their CPU during a phase: a JDK Flight Recorder recording (the JDK's own sampling
 * profiler, started and stopped with {@code jcmd}) per service, summarised as the methods most often on CPU and the
 * platform code (the innermost {@code io.millwright} frame) those samples ran under. The recordings stay in
 * {@code target/bench/profiles} for JDK Mission Control or {@code jfr print}.
 */
final class Profiler {

    private static final String RECORDING = "millwright-bench";
    private static final int TOP = 6;

    private final Path directory;
    private final Map<String, Long> pids;
    private final Map<String, Path> files = new LinkedHashMap<>();

    private Profiler(Path directory, Map<String, Long> pids) {
        this.directory = directory;
        this.pids = pids;
    }

    /** Starts a recording in each process; {@code phase} names the files. */
    static Profiler start(Path directory, String phase, Map<String, Long> pids) {
        Profiler profiler = new Profiler(directory, pids);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + directory, e);
        }
        pids.forEach((name, pid) -> {
            Path file = directory.resolve(phase + "-" + name + ".jfr").toAbsolutePath();
            jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile", "filename=" + file);
            profiler.files.put(name, file);
        });
        return profiler;
    }

    /** Stops the recordings (written to their files) and returns a summary per process, hottest first. */
    Map<String, String> stop() {
        pids.forEach((name, pid) -> jcmd(pid, "JFR.stop", "name=" + RECORDING));
        Map<String, String> summaries = new LinkedHashMap<>();
        files.forEach((name, file) -> summaries.put(name, summarise(file)));
        return summaries;
    }

    static String summarise(Path file) {
        Map<String, Integer> onCpu = new HashMap<>();
        Map<String, Integer> underPlatformCode = new HashMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                onCpu.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                String platform = "(no platform frame: framework threads)";
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (method.startsWith("io.millwright.")) {
                        platform = method;
                        break;
                    }
                }
                underPlatformCode.merge(platform, 1, Integer::sum);
            }
        } catch (IOException e) {
            return "no profile (" + file + ": " + e.getMessage() + ")";
        }
        if (samples == 0) {
            return "no samples";
        }
        return samples + " samples; on CPU: " + top(onCpu, samples) + "; under platform code: " + top(underPlatformCode, samples);
    }

    private static String top(Map<String, Integer> counts, int samples) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer> comparingByValue().reversed());
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Integer> entry : entries.subList(0, Math.min(TOP, entries.size()))) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format("%s %.0f%%", entry.getKey(), 100.0 * entry.getValue() / samples));
        }
        return text.toString();
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(String.valueOf(pid));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", line) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
