package io.millwright.simulators.eam.persistence;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A work request Millwright raised, once per externalId, with how often it was delivered and its current status. */
@Entity
@Table(name = "work_request", schema = "eam_sim")
public class EamWorkRequestEntity extends PanacheEntityBase {

    @Id
    public String externalId;

    public String workRequestId;

    public String assetId;

    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int deliveries;

    /** The W3C traceparent of the first delivery, if it had one. */
    public String traceparent;

    public Instant receivedAt;

    public Instant lastReceivedAt;
}
