package io.millwright.simulators.erp.persistence;

import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SOAP call received by the simulated ERP. */
@Entity
@Table(name = "erp_call")
public class ErpCallEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String operation;

    public Instant receivedAt;

    public String outcome;

    public String businessKey;

    public String correlationId;

    public String traceparent;

    /** For outbound calls: the answer or the error. */
    public String detail;

    public static List<ErpCallEntity> listByOperation(String operation) {
        return operation == null ? list("order by id") : list("operation = ?1 order by id", operation);
    }
}
