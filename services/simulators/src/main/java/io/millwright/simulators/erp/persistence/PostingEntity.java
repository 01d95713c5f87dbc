package io.millwright.simulators.erp.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One idempotent posting; the request as received is kept as JSON. */
@Entity
@Table(name = "posting")
public class PostingEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@link io.millwright.simulators.erp.service.PostingType#name()}. */
    public String postingType;

    public String businessKey;

    public String documentNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> payload;

    public Instant createdAt;

    public static Optional<PostingEntity> byKey(String postingType, String businessKey) {
        return find("postingType = ?1 and businessKey = ?2", postingType, businessKey).firstResultOptional();
    }

    public static List<PostingEntity> listByType(String postingType) {
        return postingType == null ? list("order by id") : list("postingType = ?1 order by id", postingType);
    }
}
