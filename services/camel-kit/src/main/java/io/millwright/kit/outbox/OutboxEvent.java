package io.millwright.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One domain event waiting to be (or already) published. Its id is the CloudEvents id, stable across re-sends. */
@Entity
@Table(name = "kit_outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insert order, assigned by the database; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String data;

    public String correlationId;

    public String traceparent;

    @Column(nullable = false)
    public Instant occurredAt;

    public Instant publishedAt;

    /** Set when the row can never be published and was moved to the dead-letter store instead. */
    public Instant deadLetteredAt;

    @Column(nullable = false)
    public int attempts;

    public String lastError;
}
