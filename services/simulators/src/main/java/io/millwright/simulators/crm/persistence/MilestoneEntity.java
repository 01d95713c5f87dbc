package io.millwright.simulators.crm.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A milestone received on the CRM webhook, once per eventId, with how often it was delivered. */
@Entity
@Table(name = "milestone", schema = "crm_sim")
public class MilestoneEntity extends PanacheEntityBase {

    @Id
    public String eventId;

    public String orderId;

    public String crmOrderId;

    public String milestone;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int deliveries;

    public Instant receivedAt;

    public Instant lastReceivedAt;

    public String correlationId;

    /** The W3C traceparent of the first delivery, if it had one. */
    public String traceparent;

    public static List<MilestoneEntity> listFor(String crmOrderId) {
        return crmOrderId == null ? list("order by receivedAt, eventId")
                : list("crmOrderId = ?1 order by receivedAt, eventId", crmOrderId);
    }
}
