package io.millwright.simulators.wms.persistence;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An outbound delivery order-service released, once per deliveryId, and its shipment once shipped. */
@Entity
@Table(name = "delivery", schema = "wms_sim")
public class DeliveryEntity extends PanacheEntityBase {

    @Id
    public String deliveryId;

    public String orderId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int deliveries;

    public Instant receivedAt;

    public Instant lastReceivedAt;

    public String shipmentId;

    public Instant shippedAt;

    public Integer confirmStatus;

    public String confirmAnswer;
}
