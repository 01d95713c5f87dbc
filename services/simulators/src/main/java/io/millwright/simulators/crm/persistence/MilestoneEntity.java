package io.millwright.simulators.crm.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A milestone received on the CRM webhook, once per eventId, with how often it was delivered. */
@Entity
@Table(name = "milestone", schema = "crm_sim")
public class MilestoneEntity extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "crm_order_id")
    public String crmOrderId;

    public String milestone;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int deliveries;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "last_received_at")
    public Instant lastReceivedAt;

    @Column(name = "correlation_id")
    public String correlationId;

    public static List<MilestoneEntity> listFor(String crmOrderId) {
        return crmOrderId == null ? list("order by receivedAt, eventId")
                : list("crmOrderId = ?1 order by receivedAt, eventId", crmOrderId);
    }
}
