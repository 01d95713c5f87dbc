package io.millwright.edge;

/** Reads one sample out of a Prometheus text exposition. */
final class Metrics {

    private Metrics() {
    }

    /** The value of the line starting with {@code nameAndTags} (e.g. {@code x_total{a="b"}}); fails if absent. */
    static double value(String exposition, String nameAndTags) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(nameAndTags + " ")) {
                return Double.parseDouble(line.substring(nameAndTags.length() + 1).trim().split(" ")[0]);
            }
        }
        throw new AssertionError("no sample " + nameAndTags + " in /q/metrics:\n" + exposition.lines()
                .filter(l -> l.startsWith("millwright_")).reduce("", (a, b) -> a + b + "\n"));
    }
}
