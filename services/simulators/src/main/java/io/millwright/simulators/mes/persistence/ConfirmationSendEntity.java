package io.millwright.simulators.mes.persistence;

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

/** One confirmation sent by the MES to production-service (a resend is a row of its own) and the answer. */
@Entity
@Table(name = "confirmation_send", schema = "mes_sim")
public class ConfirmationSendEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String confirmationId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public Instant sentAt;

    /** 0 when production-service did not answer. */
    public int httpStatus;

    public boolean duplicate;

    public String error;

    public static List<ConfirmationSendEntity> listOrdered() {
        return list("order by id");
    }

    public static ConfirmationSendEntity firstOf(String confirmationId) {
        return find("confirmationId = ?1 order by id", confirmationId).firstResult();
    }
}
