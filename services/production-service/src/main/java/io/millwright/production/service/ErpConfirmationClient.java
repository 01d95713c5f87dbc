package io.millwright.production.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.PostProductionConfirmationResponse;
import io.millwright.kit.erp.ErpGateway;

/**
 * The ERP confirmation posting, a critical flow. Safe to repeat: the ERP deduplicates on the MES confirmationId.
 * Timeouts, breaker and bulkhead are the ERP target's ({@code millwright.kit.targets.erp}); retries the work queue's.
 */
@ApplicationScoped
public class ErpConfirmationClient {

    @Inject
    ErpGateway erp;

    public PostProductionConfirmationResponse post(PostProductionConfirmationRequest request) {
        return erp.call("PostProductionConfirmation", request, PostProductionConfirmationResponse.class);
    }
}
