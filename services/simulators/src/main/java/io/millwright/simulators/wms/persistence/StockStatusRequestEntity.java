package io.millwright.simulators.wms.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stock status change the WMS was asked for, once per requestId, with how often it was delivered. */
@Entity
@Table(name = "stock_status_request", schema = "wms_sim")
public class StockStatusRequestEntity extends PanacheEntityBase {

    @Id
    public String requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int deliveries;

    public Instant receivedAt;

    public Instant lastReceivedAt;

    public String correlationId;

    public static List<StockStatusRequestEntity> listOrdered() {
        return list("order by receivedAt, requestId");
    }
}
