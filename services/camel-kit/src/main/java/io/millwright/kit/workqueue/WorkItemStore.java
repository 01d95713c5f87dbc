package io.millwright.kit.workqueue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * The SQL of the work queues, on {@code kit_work_item} in the service's schema. Database time ({@code now()}) is
 * the clock for due times and leases, so replicas with skewed clocks agree.
 */
@ApplicationScoped
class WorkItemStore {

    @Inject
    EntityManager em;

    /** Inserts the item in the caller's transaction; an item with the same queue and key already waiting wins. */
    boolean insert(String queue, String key, String orderingKey, String payload, String correlationId, String traceparent,
            UUID deadLetterId) {
        return sql("""
                INSERT INTO {h-schema}kit_work_item
                    (queue, item_key, ordering_key, payload, correlation_id, traceparent, dead_letter_id, attempts, next_attempt_at, created_at)
                VALUES (:queue, :key, :orderingKey, :payload, :correlationId, :traceparent, :deadLetterId, 0, now(), now())
                ON CONFLICT (queue, item_key) DO NOTHING""")
                .setParameter("queue", queue)
                .setParameter("key", key)
                .setParameter("orderingKey", orderingKey)
                .setParameter("payload", payload)
                .setParameter("correlationId", correlationId)
                .setParameter("traceparent", traceparent)
                .setParameter("deadLetterId", deadLetterId)
                .executeUpdate() == 1;
    }

    /**
     * Leases up to {@code limit} due items of the queue, oldest due first, skipping rows other instances hold and items
     * that wait behind an older item of their ordering key. Each claim counts as an attempt.
     */
    @SuppressWarnings("unchecked")
    List<ClaimedItem> claim(String queue, int limit, Duration lease, String owner) {
        List<Object[]> rows = sql("""
                UPDATE {h-schema}kit_work_item w
                   SET next_attempt_at = now() + :leaseMillis * interval '1 millisecond', claimed_by = :owner, attempts = w.attempts + 1
                 WHERE w.id IN (
                       SELECT c.id FROM {h-schema}kit_work_item c
                        WHERE c.queue = :queue AND c.next_attempt_at <= now()
                          AND (c.ordering_key IS NULL OR NOT EXISTS (
                               SELECT 1 FROM {h-schema}kit_work_item p WHERE p.ordering_key = c.ordering_key AND p.id < c.id))
                        ORDER BY c.next_attempt_at, c.id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED)
                RETURNING w.id, w.item_key, w.ordering_key, w.payload, w.correlation_id, w.traceparent, w.attempts, w.dead_letter_id, w.created_at""")
                .setParameter("queue", queue)
                .setParameter("limit", limit)
                .setParameter("leaseMillis", lease.toMillis())
                .setParameter("owner", owner)
                .getResultList();
        return rows.stream()
                .map(row -> new ClaimedItem(((Number) row[0]).longValue(), queue, (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5], ((Number) row[6]).intValue(), (UUID) row[7], instant(row[8])))
                .sorted(java.util.Comparator.comparingLong(ClaimedItem::id))
                .toList();
    }

    /**
     * Time until the next item of the queue that is not waiting behind an older one of its ordering key is due (an
     * item in backoff, or a lease running out), or empty if there is none.
     */
    java.util.Optional<Duration> untilNextDue(String queue) {
        Object millis = sql("""
                SELECT extract(epoch FROM min(c.next_attempt_at) - now()) * 1000 FROM {h-schema}kit_work_item c
                 WHERE c.queue = :queue
                   AND (c.ordering_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM {h-schema}kit_work_item p WHERE p.ordering_key = c.ordering_key AND p.id < c.id))""")
                .setParameter("queue", queue).getSingleResult();
        return millis == null ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofMillis(Math.max(0, ((Number) millis).longValue())));
    }

    void delete(long id) {
        sql("DELETE FROM {h-schema}kit_work_item WHERE id = :id").setParameter("id", id).executeUpdate();
    }

    void reschedule(long id, Duration pause, String error) {
        sql("""
                UPDATE {h-schema}kit_work_item
                   SET next_attempt_at = now() + :pauseMillis * interval '1 millisecond', last_error = :error, claimed_by = NULL
                 WHERE id = :id""")
                .setParameter("pauseMillis", pause.toMillis())
                .setParameter("error", error)
                .setParameter("id", id)
                .executeUpdate();
    }

    long depth(String queue) {
        return ((Number) sql("SELECT count(*) FROM {h-schema}kit_work_item WHERE queue = :queue")
                .setParameter("queue", queue).getSingleResult()).longValue();
    }

    double oldestAgeSeconds(String queue) {
        Object oldest = sql("SELECT extract(epoch FROM now() - min(created_at)) FROM {h-schema}kit_work_item WHERE queue = :queue")
                .setParameter("queue", queue).getSingleResult();
        return oldest == null ? 0 : Math.max(0, ((Number) oldest).doubleValue());
    }

    /**
     * A native statement that touches only {@code kit_work_item}: Hibernate then neither flushes the caller's other
     * pending changes before it nor invalidates every entity's cached state after it.
     */
    @SuppressWarnings("rawtypes")
    private NativeQuery sql(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedEntityClass(WorkItem.class);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return null;
    }
}
