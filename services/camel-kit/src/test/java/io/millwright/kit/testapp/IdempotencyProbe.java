package io.millwright.kit.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.error.NonRetryableException;

/**
 * Counts, per processor and business key, the messages that reached an idempotent route and those that got
 * through its idempotent consumer. A body starting with {@value #REJECT} fails inside the idempotent block.
 */
@ApplicationScoped
public class IdempotencyProbe {

    public static final String REJECT = "reject";

    private final Map<String, AtomicInteger> arrived = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> processed = new ConcurrentHashMap<>();

    public void arrive(@ExchangeProperty(IdempotentRepositories.PROCESSOR_PROPERTY) String processor,
            @ExchangeProperty(IdempotentRepositories.KEY_PROPERTY) String key) {
        count(arrived, processor, key);
    }

    public void process(@ExchangeProperty(IdempotentRepositories.PROCESSOR_PROPERTY) String processor,
            @ExchangeProperty(IdempotentRepositories.KEY_PROPERTY) String key, @Body String body) {
        if (body.startsWith(REJECT)) {
            throw new NonRetryableException("Rejected " + body + " in " + processor);
        }
        count(processed, processor, key);
    }

    public int arrived(String processor, String key) {
        return read(arrived, processor, key);
    }

    public int processed(String processor, String key) {
        return read(processed, processor, key);
    }

    private static void count(Map<String, AtomicInteger> counts, String processor, String key) {
        counts.computeIfAbsent(processor + "|" + key, k -> new AtomicInteger()).incrementAndGet();
    }

    private static int read(Map<String, AtomicInteger> counts, String processor, String key) {
        AtomicInteger count = counts.get(processor + "|" + key);
        return count == null ? 0 : count.get();
    }
}
