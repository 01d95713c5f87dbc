package io.millwright.kit.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Body;

/** Stands in for a legacy system that takes 150 ms per call; records how many calls it had at the same time. */
@ApplicationScoped
public class SlowTarget {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<String> done = new CopyOnWriteArrayList<>();

    public void call(@Body String key) throws InterruptedException {
        int now = inFlight.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(150);
            done.add(key);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    public List<String> done() {
        return done;
    }
}
