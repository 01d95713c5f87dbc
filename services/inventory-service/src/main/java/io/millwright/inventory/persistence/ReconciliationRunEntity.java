package io.millwright.inventory.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRunEntity extends PanacheEntityBase {

    public enum Status {
        RUNNING, COMPLETED, FAILED
    }

    @Id
    public String runId;

    @Column(nullable = false)
    public String plantId;

    @Column(nullable = false)
    public Instant startedAt;

    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int positionsCompared;

    @Column(nullable = false)
    public int positionsSkipped;

    @Column(nullable = false)
    public int varianceCount;

    public String error;

    public static Optional<ReconciliationRunEntity> latest() {
        return find("order by startedAt desc").firstResultOptional();
    }

    public static Optional<ReconciliationRunEntity> latestCompleted() {
        return find("status = ?1 order by startedAt desc", Status.COMPLETED).firstResultOptional();
    }
}
