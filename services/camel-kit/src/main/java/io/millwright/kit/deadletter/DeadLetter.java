package io.millwright.kit.deadletter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "kit_dead_letter")
public class DeadLetter extends PanacheEntityBase {

    /** Header of a replayed message: the id of the dead letter it replays, so failing again updates that dead letter. */
    public static final String REPLAY_HEADER = "MillwrightDeadLetterId";

    public enum Status {
        NEW, REPLAYED, DISCARDED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String routeId;

    public String endpointUri;

    public String failedEndpoint;

    @Column(nullable = false)
    public String reason;

    public String exceptionType;

    public String stackTrace;

    public byte[] payload;

    /** JSON object of the message headers that can be represented as text. */
    @Column(nullable = false)
    public String headers;

    public String correlationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int replayCount;

    /** How often this problem happened: a failed replay or the same key again counts here instead of a new row. */
    @Column(nullable = false)
    public int occurrences;

    /** The flow's business key of the problem (e.g. the work item key), if it gave one. */
    public String dedupeKey;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
