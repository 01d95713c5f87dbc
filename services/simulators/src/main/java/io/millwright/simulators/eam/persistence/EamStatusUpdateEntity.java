package io.millwright.simulators.eam.persistence;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status update of a work request, in the order received ({@code at}: when the sender says it happened). */
@Entity
@Table(name = "status_update", schema = "eam_sim")
public class EamStatusUpdateEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String externalId;

    public String status;

    public String note;

    public Instant at;

    public Instant receivedAt;

    public String traceparent;
}
