package io.millwright.order.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.erp.ErpGateway;
import io.millwright.kit.erp.ErpUnavailableException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * O2: the ERP sales-order call, a critical flow. Safe to retry because ERP deduplicates on externalReference
 * (our order id): a timed-out call that did reach ERP is answered with the same sales order, never a second one.
 * Business rejections are not retried and do not count against the breaker.
 */
@ApplicationScoped
public class ErpSalesOrderClient {

    @Inject
    ErpGateway erp;

    /** Outer bound only: connect (2 s) and receive (5 s) timeouts of the SOAP call itself end it first. */
    @Timeout(8000)
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = { ErpUnavailableException.class, TimeoutException.class },
            abortOn = ErpBusinessException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 3000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = ErpBusinessException.class)
    public CreateSalesOrderResponse create(CreateSalesOrderRequest request) {
        return erp.call("CreateSalesOrder", request, CreateSalesOrderResponse.class);
    }
}
