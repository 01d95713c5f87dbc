package io.millwright.kit.workqueue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.millwright.kit.config.KitConfig;
import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.deadletter.NewDeadLetter;
import io.millwright.kit.error.Failures;
import io.millwright.kit.error.TargetUnavailableException;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Works one queue: a claim thread leases due items in batches ({@code FOR UPDATE SKIP LOCKED}, as many as there are
 * free worker slots) and hands each to a worker, which runs the route with the item's payload as body, its
 * correlation id bound and its trace continued. The number of workers ({@code concurrency}) is the bulkhead
 * towards the target: more items wait in the table, never in memory.
 * <p>
 * Outcome of an exchange: done, the item is deleted; failed and worth retrying, it is due again after an exponential
 * pause with jitter (attempts and last error kept on the row); failed for good ({@link Failures#isRetryable}) or out
 * of attempts, it becomes a dead letter whose replay puts it back in this queue. If the instance dies, the lease
 * runs out and another instance (or this one after its restart) takes the item again.
 * <p>
 * The claim thread sleeps until an enqueue in this instance commits, a worker finishes, or the poll interval (the
 * safety net, e.g. for items enqueued by another replica or due after a backoff) has passed.
 */
class WorkQueueConsumer extends DefaultConsumer {

    private static final Logger LOG = Logger.getLogger(WorkQueueConsumer.class);
    private static final Duration MIN_PAUSE = Duration.ofMillis(20);

    private final WorkQueueEndpoint endpoint;
    private final String queue;
    private final KitConfig.WorkQueue settings;
    private final Semaphore slots;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Runnable waker = this::wake;
    private final String owner;
    private WorkQueueMetrics metrics;
    private ExecutorService claimer;
    private ExecutorService workers;
    private volatile boolean running;
    /** System.nanoTime() until which no items are claimed: the target's circuit breaker is open. */
    private volatile long pausedUntil;

    WorkQueueConsumer(WorkQueueEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.queue = endpoint.queue();
        this.settings = endpoint.settings();
        this.slots = new Semaphore(settings.concurrency());
        this.owner = endpoint.component().config.serviceName() + "@" + System.getenv().getOrDefault("HOSTNAME", "local") + "/"
                + ProcessHandle.current().pid();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (!settings.enabled()) {
            LOG.warnf("Work queue %s is disabled (millwright.kit.work-queues.%s.enabled=false): nothing is worked on", queue, queue);
            return;
        }
        metrics = WorkQueueMetrics.of(endpoint.component().registry, queue, endpoint.component().store,
                () -> settings.concurrency() - slots.availablePermits());
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        workers = executors.newFixedThreadPool(this, "workqueue-" + queue, settings.concurrency());
        claimer = executors.newSingleThreadExecutor(this, "workqueue-claim-" + queue);
        running = true;
        endpoint.component().queues.register(queue, waker);
        claimer.execute(this::claimLoop);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        endpoint.component().queues.unregister(queue, waker);
        wake();
        ExecutorServiceManager executors = endpoint.getCamelContext().getExecutorServiceManager();
        if (claimer != null) {
            executors.shutdownGraceful(claimer);
        }
        if (workers != null) {
            // Items still running finish; items not started keep their lease and come back when it ends.
            executors.shutdownGraceful(workers);
        }
        super.doStop();
    }

    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void claimLoop() {
        while (running) {
            try {
                long pause = pausedUntil - System.nanoTime();
                if (pause > 0) {
                    // The target refuses calls for now: items stay in the table instead of failing one after the other.
                    awaitWakeUp(Duration.ofNanos(pause));
                    continue;
                }
                int free = slots.availablePermits();
                List<ClaimedItem> claimed = free == 0 ? List.of() : claim(free);
                for (ClaimedItem item : claimed) {
                    slots.acquire();
                    workers.execute(() -> work(item));
                }
                if (free == 0) {
                    // Every slot is busy: a finishing worker wakes this thread.
                    awaitWakeUp(settings.pollInterval());
                } else if (claimed.size() < free) {
                    // Nothing more is due now: sleep until the next item is due, new work commits, or the safety net.
                    awaitWakeUp(untilNextDue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Work queue %s could not claim items, trying again in %s: %s", queue, settings.pollInterval(), Failures.reason(e));
                try {
                    awaitWakeUp(settings.pollInterval());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private List<ClaimedItem> claim(int limit) {
        List<ClaimedItem> claimed = QuarkusTransaction.requiringNew()
                .call(() -> endpoint.component().store.claim(queue, limit, settings.lease(), owner));
        metrics.claimed(claimed.size());
        return claimed;
    }

    private Duration untilNextDue() {
        Duration safetyNet = settings.pollInterval();
        Duration due = QuarkusTransaction.requiringNew().call(() -> endpoint.component().store.untilNextDue(queue)).orElse(safetyNet);
        // Due already but not claimed: another instance is claiming it right now; look again shortly.
        return due.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : due.compareTo(safetyNet) > 0 ? safetyNet : due;
    }

    private void awaitWakeUp(Duration timeout) throws InterruptedException {
        wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
    }

    private void work(ClaimedItem item) {
        long started = System.nanoTime();
        try {
            Exchange exchange = run(item);
            settle(item, exchange);
        } catch (RuntimeException e) {
            // The outcome could not be stored (database away): the lease runs out and the item is worked on again.
            LOG.errorf("Work queue %s: outcome of item %s not stored, it comes back after its lease: %s", queue, item.key(), Failures.reason(e));
        } finally {
            metrics.finished(System.nanoTime() - started);
            slots.release();
            wake();
        }
    }

    private Exchange run(ClaimedItem item) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(item.payload());
        message.setHeader(WorkQueues.QUEUE_HEADER, queue);
        message.setHeader(WorkQueues.KEY_HEADER, item.key());
        message.setHeader(WorkQueues.ATTEMPT_HEADER, item.attempt());
        if (item.orderingKey() != null) {
            message.setHeader(WorkQueues.ORDERING_KEY_HEADER, item.orderingKey());
        }
        if (item.deadLetterId() != null) {
            message.setHeader(WorkQueues.DEAD_LETTER_HEADER, item.deadLetterId().toString());
        }
        if (item.correlationId() != null) {
            message.setHeader(Correlation.HTTP_HEADER, item.correlationId());
            exchange.setProperty(Correlation.EXCHANGE_PROPERTY, item.correlationId());
        }
        if (item.traceparent() != null) {
            // Camel's tracing continues this trace for the route's spans; the scope below does it for beans.
            message.setHeader(TraceContext.TRACEPARENT, item.traceparent());
        }
        String previous = Correlation.current();
        Correlation.bind(item.correlationId());
        try (Scope ignored = TraceContext.contextOf(item.traceparent()).makeCurrent()) {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            Correlation.bind(previous);
        }
        return exchange;
    }

    private void settle(ClaimedItem item, Exchange exchange) {
        Exception failure = exchange.getException();
        WorkItemStore store = endpoint.component().store;
        if (failure == null) {
            QuarkusTransaction.requiringNew().run(() -> store.delete(item.id()));
            metrics.completed();
        } else if (!Failures.isRetryable(failure)) {
            deadLetter(item, exchange, Failures.reason(failure), failure);
        } else if (settings.maxAttempts().isPresent() && item.attempt() >= settings.maxAttempts().getAsInt()) {
            deadLetter(item, exchange, "Gave up after " + item.attempt() + " attempt(s): " + Failures.reason(failure), failure);
        } else {
            pauseWhileBreakerOpen(failure);
            Duration pause = Backoff.after(item.attempt(), settings.backoff());
            String reason = Failures.reason(failure);
            QuarkusTransaction.requiringNew().run(() -> store.reschedule(item.id(), pause, reason));
            metrics.failed();
            LOG.warnf("Work queue %s: %s attempt %d failed, next in %d ms: %s", queue, item.key(), item.attempt(), pause.toMillis(), reason);
        }
        releaseExchange(exchange, false);
    }

    /** An open circuit breaker of the target: claim nothing more until it lets a trial call through. */
    private void pauseWhileBreakerOpen(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                Duration delay = breakerDelay(failure);
                pausedUntil = System.nanoTime() + delay.toNanos();
                LOG.warnf("Work queue %s: the target's circuit breaker is open, nothing is claimed for %d ms", queue, delay.toMillis());
                return;
            }
        }
    }

    private Duration breakerDelay(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TargetUnavailableException unavailable && unavailable.target() != null) {
                return endpoint.component().config.targets().get(unavailable.target()).circuitBreaker().delay();
            }
        }
        return settings.backoff().initial();
    }

    private void deadLetter(ClaimedItem item, Exchange exchange, String reason, Exception failure) {
        String routeId = exchange.getFromRouteId() != null ? exchange.getFromRouteId() : getRouteId();
        NewDeadLetter letter = NewDeadLetter.of(routeId == null ? "workqueue." + queue : routeId, reason)
                .replayTo(WorkQueues.uri(queue))
                .failedEndpoint(exchange.getProperty(Exchange.FAILURE_ENDPOINT, String.class))
                .cause(failure)
                .payload(item.payload())
                .header(WorkQueues.KEY_HEADER, item.key())
                .header(WorkQueues.ORDERING_KEY_HEADER, item.orderingKey())
                .header(Correlation.HTTP_HEADER, item.correlationId())
                .correlationId(item.correlationId())
                .key(item.key())
                .replayOf(item.deadLetterId());
        QuarkusTransaction.requiringNew().run(() -> {
            endpoint.component().deadLetters.record(letter);
            endpoint.component().store.delete(item.id());
        });
        metrics.deadLettered();
    }
}
