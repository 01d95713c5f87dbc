package io.millwright.production.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.millwright.model.production.ConfirmationKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A confirmation as the MES sent it (raw body kept), plus what validation, enrichment and the ERP posting added. */
@Entity
@Table(name = "mes_confirmation")
public class MesConfirmationEntity extends PanacheEntityBase {

    @Id
    public String confirmationId;

    /** Arrival order of the first receipt (database default); confirmations of an order are processed in it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String productionOrderId;

    public String mesWorkOrderId;

    @Column(nullable = false)
    public String mesType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConfirmationKind kind;

    public String operationNumber;

    public String materialId;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    public String mesLotId;

    public String scrapReason;

    public String operatorId;

    @Column(nullable = false)
    public boolean finalConfirmation;

    @Column(nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String rawPayload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConfirmationStatus status;

    public String resourceId;

    /** The operation the ERP posting is made against (the confirmed one, or the component's for a consumption). */
    public String erpOperationNumber;

    public String lotId;

    public String shiftId;

    public String erpDocumentNumber;

    @Column(nullable = false)
    public int attempts;

    public String invalidReason;

    @Column(nullable = false)
    public Instant receivedAt;

    public Instant postedAt;

    public String correlationId;

    public String traceparent;

    @Version
    public int version;
}
