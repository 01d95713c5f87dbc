package io.millwright.bench;

import java.math.BigDecimal;
import java.time.Instant;

/** What the benchmark sends: CRM orders and MES confirmations against the ERP simulator's master data. */
final class Workload {

    static final String CUSTOMER = "C-1001";
    static final String ITEM = "FG-100";
    static final BigDecimal UNIT_PRICE = new BigDecimal("125.00");
    /** FG-100's first routing operation in the ERP simulator. */
    static final String OPERATION = "0010";
    /** The resource of {@link #OPERATION}. */
    static final String RESOURCE = "RES-CNC-01";
    /** Planned quantity of each benchmark production order; every confirmation yields 1 EA of it. */
    static final int ORDER_QUANTITY = 100;
    /** Confirmations per production order: under the planned quantity, so none is over-delivered. */
    static final int CONFIRMATIONS_PER_ORDER = 90;

    private Workload() {
    }

    static String crmOrder(String crmOrderId) {
        return """
                {"crmOrderId":"%s","customerId":"%s","currency":"EUR","requestedDeliveryDate":"2099-03-31",
                 "lines":[{"lineNumber":10,"itemId":"%s","quantity":2,"unitOfMeasure":"EA","unitPrice":%s}]}"""
                .formatted(crmOrderId, CUSTOMER, ITEM, UNIT_PRICE.toPlainString());
    }

    static String yieldConfirmation(String confirmationId, String productionOrder) {
        return """
                {"confirmationId":"%s","productionOrderId":"%s","type":"YIELD","operationNumber":"%s","materialId":"%s",
                 "quantity":{"value":1,"unit":"EA"},"operatorId":"BENCH","finalConfirmation":false,"recordedAt":"%s"}"""
                .formatted(confirmationId, productionOrder, OPERATION, ITEM, Instant.now());
    }
}
