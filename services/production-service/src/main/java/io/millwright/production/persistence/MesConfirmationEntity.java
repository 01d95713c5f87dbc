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
    @Column(name = "confirmation_id")
    public String confirmationId;

    /** Arrival order of the first receipt (database default); confirmations of an order are processed in it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "production_order_id", nullable = false)
    public String productionOrderId;

    @Column(name = "mes_work_order_id")
    public String mesWorkOrderId;

    @Column(name = "mes_type", nullable = false)
    public String mesType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConfirmationKind kind;

    @Column(name = "operation_number")
    public String operationNumber;

    @Column(name = "material_id")
    public String materialId;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String uom;

    @Column(name = "mes_lot_id")
    public String mesLotId;

    @Column(name = "scrap_reason")
    public String scrapReason;

    @Column(name = "operator_id")
    public String operatorId;

    @Column(name = "final_confirmation", nullable = false)
    public boolean finalConfirmation;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "raw_payload", nullable = false)
    public String rawPayload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConfirmationStatus status;

    @Column(name = "resource_id")
    public String resourceId;

    /** The operation the ERP posting is made against (the confirmed one, or the component's for a consumption). */
    @Column(name = "erp_operation_number")
    public String erpOperationNumber;

    @Column(name = "lot_id")
    public String lotId;

    @Column(name = "shift_id")
    public String shiftId;

    @Column(name = "erp_document_number")
    public String erpDocumentNumber;

    @Column(nullable = false)
    public int attempts;


    @Column(name = "invalid_reason")
    public String invalidReason;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "posted_at")
    public Instant postedAt;

    @Column(name = "correlation_id")
    public String correlationId;

    public String traceparent;

    @Version
    public int version;
}
