package io.millwright.bench;

import java.util.Arrays;

/** Latencies in nanoseconds: percentiles over everything recorded, and over what came since the last window. */
final class Latencies {

    record Window(int count, double p50Millis, double p99Millis) {
    }

    private long[] all = new long[1 << 16];
    private int size;
    private int windowStart;

    synchronized void record(long nanos) {
        if (size == all.length) {
            all = Arrays.copyOf(all, all.length * 2);
        }
        all[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    synchronized double percentileMillis(double fraction) {
        return percentile(Arrays.copyOf(all, size), fraction);
    }

    /** The latencies recorded since the previous call. */
    synchronized Window window() {
        long[] recent = Arrays.copyOfRange(all, windowStart, size);
        windowStart = size;
        return new Window(recent.length, percentile(recent, 0.50), percentile(recent, 0.99));
    }

    private static double percentile(long[] values, double fraction) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int index = (int) Math.min(values.length - 1, Math.ceil(fraction * values.length) - 1);
        return values[Math.max(0, index)] / 1_000_000.0;
    }
}
