package io.millwright.simulators.qms.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A quality case Millwright opened, once per caseId, with how often it was delivered. */
@Entity
@Table(name = "quality_case", schema = "qms_sim")
public class QmsCaseEntity extends PanacheEntityBase {

    @Id
    public String caseId;

    public String qmsCaseId;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> lotIds;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public int deliveries;

    public Instant receivedAt;

    public Instant lastReceivedAt;
}
