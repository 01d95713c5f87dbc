package io.millwright.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A line every 5 s about what the current step is doing, so a long run never goes quiet. */
final class Progress implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Supplier<String> current = () -> "starting";

    Progress() {
        ticker.scheduleAtFixedRate(this::tick, 5, 5, TimeUnit.SECONDS);
    }

    /** What the next progress lines say, until the next call. */
    void show(Supplier<String> status) {
        current = status;
    }

    static void say(String line) {
        System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + line);
        System.out.flush();
    }

    private void tick() {
        try {
            say("  ... " + current.get());
        } catch (RuntimeException e) {
            say("  ... (status unavailable: " + e + ")");
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
