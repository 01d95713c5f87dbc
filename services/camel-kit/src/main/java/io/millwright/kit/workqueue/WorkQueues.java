package io.millwright.kit.workqueue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.deadletter.DeadLetter;
import io.millwright.kit.transaction.AfterCommit;

/**
 * Durable hand-offs to other systems: a flow enqueues work in the transaction that creates it (outbox style: the
 * work exists if and only if that transaction commits), and the route that consumes {@code workqueue:<queue>}
 * does it, with retries, backoff, a lease and dead letters handled by the kit. The queue's consumer is woken as
 * soon as the transaction commits; its timer is only a safety net.
 * <pre>
 * workQueues.enqueue(ERP_POSTING, order.id, order.id);                         // in the order's transaction
 * from(WorkQueues.uri(ERP_POSTING)).routeId("order.erp-sales-order")...       // the flow that posts it
 * </pre>
 */
@ApplicationScoped
public class WorkQueues {

    /** Headers of an exchange a work queue consumer hands to its route (and a replay hands back to the queue). */
    public static final String QUEUE_HEADER = "MillwrightWorkQueue";
    public static final String KEY_HEADER = "MillwrightWorkItemKey";
    public static final String ORDERING_KEY_HEADER = "MillwrightWorkOrderingKey";
    /** 1 for the first attempt at an item. */
    public static final String ATTEMPT_HEADER = "MillwrightWorkAttempt";
    /** Present when the item is an operator's replay of this dead letter. */
    public static final String DEAD_LETTER_HEADER = DeadLetter.REPLAY_HEADER;

    private static final String SCHEME = "workqueue:";

    @Inject
    WorkItemStore store;

    @Inject
    AfterCommit afterCommit;

    private final Map<String, Set<Runnable>> wakers = new ConcurrentHashMap<>();
    private final Consumer<String> waker = this::wake;

    /** The endpoint URI of a queue, for {@code from(...)} and for replays. */
    public static String uri(String queue) {
        return SCHEME + queue;
    }

    /** The queue an endpoint URI names, if it is a work queue endpoint. */
    public static Optional<String> queueOf(String endpointUri) {
        if (endpointUri == null || !endpointUri.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String rest = endpointUri.substring(SCHEME.length()).replaceFirst("^//", "");
        int options = rest.indexOf('?');
        return Optional.of(options < 0 ? rest : rest.substring(0, options));
    }

    /** {@link #enqueue(String, String, String, String)} without an ordering key: items are independent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String queue, String key, String payload) {
        return enqueue(queue, key, payload, null);
    }

    /**
     * Adds work in the caller's transaction, with the correlation id and trace context bound now. Items with the same
     * {@code orderingKey} (in any queue) are worked on one at a time in the order they were enqueued.
     *
     * @return false if an item with this key is already waiting in the queue (nothing is added)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(String queue, String key, String payload, String orderingKey) {
        return add(queue, key, payload, orderingKey, Correlation.current(), TraceContext.currentTraceparent(), null);
    }

    /** An operator's replay of a dead letter: the item carries the dead letter's id, so failing again updates it. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean requeue(String queue, String key, String payload, String orderingKey, String correlationId, UUID deadLetterId) {
        return add(queue, key, payload, orderingKey, correlationId, TraceContext.currentTraceparent(), deadLetterId);
    }

    /** What is waiting in a queue under a key (attempts, next attempt, last error), for status views. */
    public Optional<WorkItem> pending(String queue, String key) {
        return WorkItem.find("queue = ?1 and itemKey = ?2", queue, key).firstResultOptional();
    }

    public long depth(String queue) {
        return store.depth(queue);
    }

    private boolean add(String queue, String key, String payload, String orderingKey, String correlationId, String traceparent,
            UUID deadLetterId) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A work item needs a key (queue " + queue + ")");
        }
        boolean added = store.insert(queue, key, orderingKey, payload, correlationId, traceparent, deadLetterId);
        if (added) {
            afterCommit.notify(waker, queue);
        }
        return added;
    }

    /** Tells the consumers of a queue in this instance that there may be work. */
    public void wake(String queue) {
        Set<Runnable> consumers = wakers.get(queue);
        if (consumers != null) {
            consumers.forEach(Runnable::run);
        }
    }

    void register(String queue, Runnable waker) {
        wakers.computeIfAbsent(queue, q -> new CopyOnWriteArraySet<>()).add(waker);
    }

    void unregister(String queue, Runnable waker) {
        Set<Runnable> consumers = wakers.get(queue);
        if (consumers != null) {
            consumers.remove(waker);
        }
    }
}
