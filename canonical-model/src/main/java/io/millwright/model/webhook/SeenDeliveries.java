package io.millwright.model.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivery ids a receiver has accepted, each kept until its signature's window has passed (after that the timestamp
 * check refuses it anyway), so memory stays bounded by the deliveries of one window.
 */
public final class SeenDeliveries {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    public SeenDeliveries() {
        this(Clock.systemUTC());
    }

    public SeenDeliveries(Clock clock) {
        this.clock = clock;
    }

    /** True the first time {@code id} is offered (until {@code keepUntil}); false for a repeat. */
    public boolean firstSight(String id, Instant keepUntil) {
        forgetExpired();
        return seen.putIfAbsent(id, keepUntil) == null;
    }

    public int size() {
        return seen.size();
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue().isBefore(now)) {
                it.remove();
            }
        }
    }
}
