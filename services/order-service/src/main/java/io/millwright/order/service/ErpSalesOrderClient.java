package io.millwright.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.kit.erp.ErpGateway;

/**
 * O2: the ERP sales-order call. Safe to repeat because ERP deduplicates on externalReference (our order id): a
 * timed-out call that did reach ERP is answered with the same sales order, never a second one. Timeouts, breaker and
 * bulkhead are the ERP target's ({@code millwright.kit.targets.erp}); retries are the work queue's.
 */
@ApplicationScoped
public class ErpSalesOrderClient {

    @Inject
    ErpGateway erp;

    public CreateSalesOrderResponse create(CreateSalesOrderRequest request) {
        return erp.call("CreateSalesOrder", request, CreateSalesOrderResponse.class);
    }
}
