package io.millwright.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order's status and timeline as GET /api/v1/orders/{id} returns it. */
public record OrderView(
        String id,
        String crmOrderId,
        String customerId,
        String status,
        String erpSalesOrderNumber,
        String currency,
        BigDecimal total,
        LocalDate requestedDeliveryDate,
        List<Line> lines,
        Erp erp,
        List<Step> timeline,
        Instant createdAt,
        Instant updatedAt) {

    public record Line(int lineNumber, String itemId, BigDecimal quantity, String unitOfMeasure, BigDecimal unitPrice,
            String availability) {
    }

    /** Where the ERP posting stands: attempts so far, next attempt, last error, rejection. */
    public record Erp(int attempts, Instant nextAttemptAt, String lastError, String rejectionCode, String rejectionReason) {
    }

    public record Step(String step, String detail, Instant at, String correlationId, String traceId) {
    }
}
