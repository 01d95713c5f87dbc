package io.millwright.kit.workqueue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One piece of durable work waiting for (or being worked on by) a work queue consumer. Written in the transaction
 * that creates the work, deleted in the one that finishes it. Read-only for services: they enqueue through
 * {@link WorkQueues} and see progress here (attempts, next attempt, last error).
 */
@Entity
@Table(name = "kit_work_item")
public class WorkItem extends PanacheEntityBase {

    /** Insert order (a database sequence): items of one ordering key are worked on in this order. */
    @Id
    public Long id;

    public String queue;

    /** The business key, unique per queue while the item waits: enqueueing it again is a no-op. */
    public String itemKey;

    /** Items sharing an ordering key (across queues) are worked on one at a time, oldest first. */
    public String orderingKey;

    /** What the queue's route receives as its body. */
    public String payload;

    public String correlationId;

    public String traceparent;

    /** Set when the item is an operator's replay of a dead letter: failing again updates that dead letter. */
    public UUID deadLetterId;

    /** Attempts started so far (a claim counts, so an item that crashes its worker still ends in a dead letter). */
    public int attempts;

    /** When the item is due; while it is being worked on, the end of its lease. */
    public Instant nextAttemptAt;

    /** The instance holding the lease, for operators. */
    public String claimedBy;

    public String lastError;

    public Instant createdAt;
}
