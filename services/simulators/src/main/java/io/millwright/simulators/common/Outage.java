package io.millwright.simulators.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An injected outage of one simulated system: while it lasts, its API answers 503. In memory on purpose (test
 * scaffolding that must not depend on the database). {@code until} is null for "until cleared".
 */
public final class Outage {

    public record Active(Instant since, Instant until) {
    }

    private final AtomicReference<Active> active = new AtomicReference<>();

    /** Down for {@code duration} from now; null or zero/negative duration: until cleared. */
    public Active begin(Duration duration) {
        Instant now = Instant.now();
        Instant until = duration == null || duration.isZero() || duration.isNegative() ? null : now.plus(duration);
        Active outage = new Active(now, until);
        active.set(outage);
        return outage;
    }

    public void clear() {
        active.set(null);
    }

    public Optional<Active> current() {
        Active outage = active.get();
        if (outage != null && outage.until() != null && !Instant.now().isBefore(outage.until())) {
            active.compareAndSet(outage, null);
            return Optional.empty();
        }
        return Optional.ofNullable(outage);
    }

    public boolean isDown() {
        return current().isPresent();
    }
}
