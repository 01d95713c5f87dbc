package io.millwright.kit.testapp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.Body;

import io.millwright.kit.error.NonRetryableException;

/**
 * The processing step of {@link ScriptedFailureRoutes}. The message body is a key; a test scripts how the calls
 * for its key fail before sending, and reads back how often it was called and whether it got through.
 */
@ApplicationScoped
public class ScriptedFailures {

    private record Script(int failures, boolean retryable) {
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final List<String> processedOrder = new CopyOnWriteArrayList<>();

    /** The first {@code times} calls for the key fail with a retryable {@link SimulatedOutageException}. */
    public void failTimes(String key, int times) {
        scripts.put(key, new Script(times, true));
    }

    /** Every call for the key fails with a retryable {@link SimulatedOutageException}. */
    public void failAlways(String key) {
        scripts.put(key, new Script(Integer.MAX_VALUE, true));
    }

    /** Every call for the key fails with a {@link NonRetryableException}. */
    public void reject(String key) {
        scripts.put(key, new Script(Integer.MAX_VALUE, false));
    }

    /** The cause of the failures is gone: later calls for the key succeed. */
    public void heal(String key) {
        scripts.remove(key);
    }

    public int calls(String key) {
        AtomicInteger count = calls.get(key);
        return count == null ? 0 : count.get();
    }

    public boolean processed(String key) {
        return processed.contains(key);
    }

    public void handle(@Body String key) {
        int call = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Script script = scripts.get(key);
        if (script != null && call <= script.failures()) {
            if (script.retryable()) {
                throw new SimulatedOutageException("Peer unavailable for " + key + " (call " + call + ")");
            }
            throw new NonRetryableException("Rejected " + key);
        }
        processed.add(key);
        processedOrder.add(key);
    }

    /** Keys in the order they got through. */
    public List<String> processedOrder() {
        return processedOrder;
    }
}
