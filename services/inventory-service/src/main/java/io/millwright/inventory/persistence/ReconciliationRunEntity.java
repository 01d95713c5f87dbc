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
    @Column(name = "run_id")
    public String runId;

    @Column(name = "plant_id", nullable = false)
    public String plantId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "positions_compared", nullable = false)
    public int positionsCompared;

    @Column(name = "positions_skipped", nullable = false)
    public int positionsSkipped;

    @Column(name = "variance_count", nullable = false)
    public int varianceCount;

    public String error;

    public static Optional<ReconciliationRunEntity> latest() {
        return find("order by startedAt desc").firstResultOptional();
    }

    public static Optional<ReconciliationRunEntity> latestCompleted() {
        return find("status = ?1 order by startedAt desc", Status.COMPLETED).firstResultOptional();
    }
}
