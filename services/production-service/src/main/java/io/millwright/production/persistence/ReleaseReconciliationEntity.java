package io.millwright.production.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The one row saying when the reconciliation poll last succeeded. */
@Entity
@Table(name = "release_reconciliation")
public class ReleaseReconciliationEntity extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public Integer id;

    @Column(nullable = false)
    public Instant lastPolledAt;
}
