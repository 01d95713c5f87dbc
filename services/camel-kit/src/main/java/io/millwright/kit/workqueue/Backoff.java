package io.millwright.kit.workqueue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.millwright.kit.config.KitConfig;

/** Pause before the next attempt: exponential in the attempts made, capped, varied by the jitter fraction. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempts, KitConfig.WorkQueue.Backoff settings) {
        double base = settings.initial().toMillis() * Math.pow(settings.multiplier(), Math.max(0, Math.min(attempts - 1, 40)));
        double capped = Math.min(base, settings.max().toMillis());
        double jitter = settings.jitter() <= 0 ? 0 : ThreadLocalRandom.current().nextDouble(-settings.jitter(), settings.jitter());
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(capped * (1 + jitter), settings.max().toMillis()))));
    }
}
