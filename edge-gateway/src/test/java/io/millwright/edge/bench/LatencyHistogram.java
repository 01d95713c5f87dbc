package io.millwright.edge.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Latencies in ms, kept in a histogram of 1 ms buckets up to 60 s. */
final class LatencyHistogram {

    private final AtomicLong[] buckets = new AtomicLong[60_001];

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new AtomicLong();
        }
    }

    void record(long millis) {
        buckets[(int) Math.max(0, Math.min(buckets.length - 1, millis))].incrementAndGet();
    }

    void reset() {
        for (AtomicLong bucket : buckets) {
            bucket.set(0);
        }
    }

    /** {p50, p99} in ms; -1 when nothing was recorded. */
    long[] percentiles() {
        long total = 0;
        for (AtomicLong bucket : buckets) {
            total += bucket.get();
        }
        long p50 = -1;
        long p99 = -1;
        long seen = 0;
        for (int i = 0; i < buckets.length && total > 0; i++) {
            seen += buckets[i].get();
            if (p50 < 0 && seen >= total * 0.50) {
                p50 = i;
            }
            if (p99 < 0 && seen >= total * 0.99) {
                p99 = i;
                break;
            }
        }
        return new long[] {p50, p99};
    }
}
