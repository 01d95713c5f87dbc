package io.millwright.kit.testapp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.millwright.kit.testing.PostgresDatabase;

/** The test application's tables (schema {@value #SCHEMA}) as the tests see them: plain SQL, outside the application. */
public final class KitTables {

    public static final String SCHEMA = "kit_test";

    private KitTables() {
    }

    /** Outbox rows of one subject in commit order. */
    public static List<Map<String, Object>> outboxEvents(String subject) {
        return db().query("SELECT * FROM " + SCHEMA + ".kit_outbox_event WHERE subject = ? ORDER BY seq", subject);
    }

    /** Rows still to be published: neither acknowledged by Kafka nor given up as unpublishable. */
    public static long pendingOutboxEvents() {
        return db().count("SELECT count(*) FROM " + SCHEMA + ".kit_outbox_event WHERE published_at IS NULL AND dead_lettered_at IS NULL");
    }

    /** Writes an outbox row directly, bypassing the writer's checks, as if it had been committed by an older release. */
    public static void insertOutboxEvent(UUID id, String eventType, String topic, String subject, String data) {
        db().execute("INSERT INTO " + SCHEMA + ".kit_outbox_event (id, event_type, topic, subject, source, data, occurred_at)"
                + " VALUES (?, ?, ?, ?, 'urn:millwright:kit-test', ?, now())", id, eventType, topic, subject, data);
    }

    public static long orderProgressRows(String orderId) {
        return db().count("SELECT count(*) FROM " + SCHEMA + ".kit_test_order_progress WHERE order_id = ?", orderId);
    }

    /** Dead letters whose payload is exactly {@code payload} (UTF-8), oldest first. */
    public static List<Map<String, Object>> deadLetters(String payload) {
        return db().query("SELECT * FROM " + SCHEMA + ".kit_dead_letter WHERE convert_from(payload, 'UTF8') = ? ORDER BY created_at",
                payload);
    }

    public static Map<String, Object> deadLetter(UUID id) {
        return db().query("SELECT * FROM " + SCHEMA + ".kit_dead_letter WHERE id = ?", id).get(0);
    }

    public static long newDeadLetters() {
        return db().count("SELECT count(*) FROM " + SCHEMA + ".kit_dead_letter WHERE status = 'NEW'");
    }

    /** The waiting item of a work queue under a key, if any. */
    public static java.util.Optional<Map<String, Object>> workItem(String queue, String key) {
        return db().query("SELECT * FROM " + SCHEMA + ".kit_work_item WHERE queue = ? AND item_key = ?", queue, key).stream().findFirst();
    }

    /** Attempts started on the items still waiting in a queue. */
    public static long workItemAttempts(String queue) {
        return db().count("SELECT coalesce(sum(attempts), 0) FROM " + SCHEMA + ".kit_work_item WHERE queue = ?", queue);
    }

    /** Inserts a work item as an instance that claimed it and then died would have left it: leased until {@code leaseSeconds} from now. */
    public static void insertLeasedWorkItem(String queue, String key, int leaseSeconds) {
        db().execute("INSERT INTO " + SCHEMA + ".kit_work_item (queue, item_key, payload, attempts, next_attempt_at, claimed_by, created_at)"
                + " VALUES (?, ?, ?, 1, now() + ? * interval '1 second', 'crashed-instance', now())", queue, key, key, leaseSeconds);
    }

    /** Rows of Camel's JPA idempotent repository for one processor and key. */
    public static long processedMessages(String processor, String key) {
        return db().count("SELECT count(*) FROM " + SCHEMA + ".camel_messageprocessed WHERE processor_name = ? AND message_id = ?",
                processor, key);
    }

    private static PostgresDatabase db() {
        return PostgresDatabase.shared();
    }
}
