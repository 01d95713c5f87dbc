package io.millwright.edge.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The benchmark's progress lines, with the time of day, so a run that hangs is seen to hang. */
final class Progress {

    /** How often a phase prints at least; the script promises a line every 10 s. */
    static final long EVERY_SECONDS = 5;

    private Progress() {
    }

    static void line(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
        System.out.flush();
    }
}
