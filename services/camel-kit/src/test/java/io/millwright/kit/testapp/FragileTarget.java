package io.millwright.kit.testapp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Body;

import io.millwright.kit.error.TargetUnavailableException;
import io.millwright.kit.target.TargetSystems;

/** A target reached through {@link TargetSystems} (its breaker included) that is down until told otherwise. */
@ApplicationScoped
public class FragileTarget {

    public static final String TARGET = "kit-test-fragile";

    @Inject
    TargetSystems targets;

    private volatile boolean down = true;
    private final AtomicInteger reached = new AtomicInteger();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    public void call(@Body String key) {
        targets.call(TARGET, () -> {
            reached.incrementAndGet();
            if (down) {
                throw new TargetUnavailableException(TARGET, TARGET + " is down", null);
            }
            done.add(key);
            return null;
        }, Void.class);
    }

    public void up() {
        down = false;
    }

    /** Calls that got past the breaker to the target. */
    public int reached() {
        return reached.get();
    }

    public Set<String> done() {
        return done;
    }
}
