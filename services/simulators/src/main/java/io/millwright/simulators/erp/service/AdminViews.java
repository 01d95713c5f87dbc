package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.millwright.simulators.erp.persistence.ErpCallEntity;
import io.millwright.simulators.erp.persistence.PostingEntity;
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

    public record Call(String operation, Instant receivedAt, String outcome, String businessKey, String correlationId,
            String traceparent) {

        static Call of(ErpCallEntity e) {
            return new Call(e.operation, e.receivedAt, e.outcome, e.businessKey, e.correlationId, e.traceparent);
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
}
