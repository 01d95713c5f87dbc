package io.millwright.kit.workqueue;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The metric set of one work queue (tag {@code queue}): depth and oldest item age (from the table, so they include
 * items in backoff and items other replicas hold), items in flight here, attempts, failed attempts, completions,
 * dead letters and how long an attempt takes.
 */
final class WorkQueueMetrics {

    private final Counter attempts;
    private final Counter failures;
    private final Counter completed;
    private final Counter deadLettered;
    private final Timer duration;

    private WorkQueueMetrics(MeterRegistry registry, String queue, WorkItemStore store, IntSupplier inFlight) {
        Gauge.builder("millwright.work.queue.depth", store, fromTable(s -> s.depth(queue)))
                .tag("queue", queue).description("Items waiting in the queue, in backoff or being worked on").register(registry);
        Gauge.builder("millwright.work.queue.oldest.age.seconds", store, fromTable(s -> s.oldestAgeSeconds(queue)))
                .tag("queue", queue).description("Age of the oldest item in the queue").register(registry);
        Gauge.builder("millwright.work.queue.in.flight", inFlight, IntSupplier::getAsInt)
                .tag("queue", queue).description("Items this instance is working on now").strongReference(true).register(registry);
        attempts = Counter.builder("millwright.work.queue.attempts").tag("queue", queue)
                .description("Attempts started").register(registry);
        failures = Counter.builder("millwright.work.queue.failures").tag("queue", queue)
                .description("Attempts that failed (retried later or dead-lettered)").register(registry);
        completed = Counter.builder("millwright.work.queue.completed").tag("queue", queue)
                .description("Items done").register(registry);
        deadLettered = Counter.builder("millwright.work.queue.dead.lettered").tag("queue", queue)
                .description("Items given up and recorded as dead letters").register(registry);
        duration = Timer.builder("millwright.work.queue.attempt.duration").tag("queue", queue)
                .description("Time one attempt took, the call to the target included").register(registry);
    }

    static WorkQueueMetrics of(MeterRegistry registry, String queue, WorkItemStore store, IntSupplier inFlight) {
        return new WorkQueueMetrics(registry, queue, store, inFlight);
    }

    private static ToDoubleFunction<WorkItemStore> fromTable(ToDoubleFunction<WorkItemStore> query) {
        return store -> {
            try {
                return QuarkusTransaction.requiringNew().call(() -> query.applyAsDouble(store));
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }

    void claimed(int items) {
        attempts.increment(items);
    }

    void completed() {
        completed.increment();
    }

    void failed() {
        failures.increment();
    }

    void deadLettered() {
        failures.increment();
        deadLettered.increment();
    }

    void finished(long nanos) {
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }
}
