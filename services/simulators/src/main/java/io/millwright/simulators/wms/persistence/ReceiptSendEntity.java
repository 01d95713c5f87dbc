package io.millwright.simulators.wms.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One receipt the WMS sent to inventory-service and the answer. */
@Entity
@Table(name = "receipt_send", schema = "wms_sim")
public class ReceiptSendEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String receiptId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public Instant sentAt;

    /** 0 when inventory-service did not answer. */
    public int httpStatus;

    public boolean duplicate;

    public String error;

    public static List<ReceiptSendEntity> listOrdered() {
        return list("order by id");
    }
}
