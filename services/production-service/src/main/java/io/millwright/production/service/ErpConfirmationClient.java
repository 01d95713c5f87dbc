package io.millwright.production.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.PostProductionConfirmationResponse;
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.erp.ErpGateway;

/**
 * The ERP confirmation posting, a critical flow. No retries here: the processor keeps the confirmation and retries
 * with backoff across restarts. The breaker stops hammering an ERP that is down; business faults do not trip it.
 */
@ApplicationScoped
public class ErpConfirmationClient {

    @Inject
    ErpGateway erp;

    /** Outer bound only: the SOAP call's own connect and receive timeouts end it first. */
    @Timeout(10_000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = ErpBusinessException.class)
    public PostProductionConfirmationResponse post(PostProductionConfirmationRequest request) {
        return erp.call("PostProductionConfirmation", request, PostProductionConfirmationResponse.class);
    }
}
