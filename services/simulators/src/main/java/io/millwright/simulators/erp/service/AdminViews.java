package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.millwright.simulators.erp.persistence.ErpCallEntity;
import io.millwright.simulators.erp.persistence.PostingEntity;
import io.millwright.simulators.erp.persistence.ProductionComponentEntity;
import io.millwright.simulators.erp.persistence.ProductionOperationEntity;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;
import io.millwright.simulators.erp.persistence.SalesOrderEntity;
import io.millwright.simulators.erp.persistence.SalesOrderLineEntity;
import io.millwright.simulators.erp.persistence.StockBalanceEntity;

/** The JSON shapes of the admin API ({@code /sim/erp/...}); test clients depend on these field names. */
public final class AdminViews {

    private AdminViews() {
    }

    public record SalesOrder(String salesOrderNumber, String externalReference, String customerId, String currency,
            LocalDate requestedDeliveryDate, String status, Instant createdAt, List<SalesOrderLine> lines) {

        static SalesOrder of(SalesOrderEntity e) {
            return new SalesOrder(e.salesOrderNumber, e.externalReference, e.customerId, e.currency,
                    e.requestedDeliveryDate, e.status, e.createdAt, e.lines.stream().map(SalesOrderLine::of).toList());
        }
    }

    public record SalesOrderLine(int lineNumber, String itemId, BigDecimal quantity, String unitOfMeasure,
            BigDecimal unitPrice) {

        static SalesOrderLine of(SalesOrderLineEntity e) {
            return new SalesOrderLine(e.lineNumber, e.itemId, e.quantity, e.unitOfMeasure, e.unitPrice);
        }
    }

    /** {@code detail}: for outbound calls (ReleaseProductionOrder) the answer or the error, else null. */
    public record Call(String operation, Instant receivedAt, String outcome, String businessKey, String correlationId,
            String traceparent, String detail) {

        static Call of(ErpCallEntity e) {
            return new Call(e.operation, e.receivedAt, e.outcome, e.businessKey, e.correlationId, e.traceparent,
                    e.detail);
        }
    }

    /** {@code request} is the SOAP request as received, field names as in erp.wsdl. */
    public record Posting(String type, String businessKey, String documentNumber, Instant postedAt,
            Map<String, Object> request) {

        static Posting of(PostingEntity e) {
            String type = PostingType.valueOf(e.postingType).apiName();
            return new Posting(type, e.businessKey, e.documentNumber, e.createdAt, e.payload);
        }
    }

    public record StockBalance(String itemId, String plant, String location, String lot, String status,
            BigDecimal quantity, String unitOfMeasure) {

        static StockBalance of(StockBalanceEntity e) {
            return new StockBalance(e.itemId, e.plant, e.location, e.lot, e.status, e.quantity, e.unitOfMeasure);
        }
    }

    /** A production order; {@code releasedAt} is null until released. */
    public record ProductionOrder(String productionOrderNumber, String itemId, String plant, BigDecimal quantity,
            String unitOfMeasure, String lot, String salesOrderNumber, Instant dueDate, Instant releasedAt,
            String status, List<ProductionOperation> operations, List<ProductionComponent> components) {

        public static ProductionOrder of(ProductionOrderEntity e) {
            return new ProductionOrder(e.productionOrderNumber, e.itemId, e.plant, e.quantity, e.unitOfMeasure, e.lot,
                    e.salesOrderNumber, e.dueDate, e.releasedAt, e.status,
                    e.operations.stream().map(ProductionOperation::of).toList(),
                    e.components.stream().map(ProductionComponent::of).toList());
        }
    }

    public record ProductionOperation(String operationNumber, String description, String workCenter,
            String resourceId, BigDecimal plannedQuantity, String unitOfMeasure) {

        static ProductionOperation of(ProductionOperationEntity e) {
            return new ProductionOperation(e.operationNumber, e.description, e.workCenter, e.resourceId,
                    e.plannedQuantity, e.unitOfMeasure);
        }
    }

    public record ProductionComponent(String itemId, String operationNumber, BigDecimal requiredQuantity,
            String unitOfMeasure, String lot) {

        static ProductionComponent of(ProductionComponentEntity e) {
            return new ProductionComponent(e.itemId, e.operationNumber, e.requiredQuantity, e.unitOfMeasure, e.lot);
        }
    }

    /** What the ERP's ReleaseProductionOrder call got: outcome OK, DUPLICATE, REJECTED or FAILED. */
    public record ReleaseResult(String productionOrderNumber, String outcome, String detail) {
    }
}
