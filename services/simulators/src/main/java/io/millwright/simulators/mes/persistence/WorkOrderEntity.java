package io.millwright.simulators.mes.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A production order dispatched to the MES; the key is the production order. */
@Entity
@Table(name = "work_order", schema = "mes_sim")
public class WorkOrderEntity extends PanacheEntityBase {

    public static final String RECEIVED = "RECEIVED";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    @Id
    public String productionOrderId;

    public String mesWorkOrderId;

    public String status;

    /** The dispatch as first received. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int dispatchCount;

    public Instant receivedAt;

    public Instant lastReceivedAt;

    public String correlationId;

    public Instant acknowledgedAt;

    public int ackAttempts;

    /** What the last acknowledgement attempt got ("204", "404 ...", "unreachable: ..."). */
    public String ackOutcome;

    public static List<WorkOrderEntity> listOrdered() {
        return list("order by receivedAt, productionOrderId");
    }
}
