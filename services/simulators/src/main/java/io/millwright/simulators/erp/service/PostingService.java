package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.time.Instant;

import io.millwright.erp.contract.PostDowntimeRequest;
import io.millwright.erp.contract.PostDowntimeResponse;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.PostGoodsMovementResponse;
import io.millwright.erp.contract.PostMaintenanceCostRequest;
import io.millwright.erp.contract.PostMaintenanceCostResponse;
import io.millwright.erp.contract.PostProductionConfirmationRequest;
import io.millwright.erp.contract.PostProductionConfirmationResponse;
import io.millwright.erp.contract.SparePartDemand;
import io.millwright.simulators.erp.fault.ErpRejectedException;
import io.millwright.simulators.erp.fault.FaultCodes;
import io.millwright.simulators.erp.persistence.ItemEntity;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Production confirmations, goods movements, downtime and maintenance cost: validated, then posted once. */
@ApplicationScoped
public class PostingService {

    @Inject
    PostingLedger ledger;

    @Inject
    ProductionOrderService productionOrders;

    @Inject
    StockService stock;

    @Transactional
    public PostProductionConfirmationResponse confirm(PostProductionConfirmationRequest request) {
        String key = RequestChecks.text(request.getConfirmationId(), "confirmationId");
        PostingLedger.Posted posted = ledger.post(PostingType.CONFIRMATION, key, request, () -> {
            ProductionOrderEntity order = productionOrders.require(
                    RequestChecks.text(request.getProductionOrderNumber(), "productionOrderNumber"));
            String operation = RequestChecks.text(request.getOperationNumber(), "operationNumber");
            if (!order.hasOperation(operation)) {
                throw new ErpRejectedException(FaultCodes.OPERATION_UNKNOWN, "production order "
                        + order.productionOrderNumber + " has no operation " + operation);
            }
            RequestChecks.text(request.getResourceId(), "resourceId");
            RequestChecks.notNegative(request.getYield(), "yield");
            if (request.getScrap() != null) {
                RequestChecks.notNegative(request.getScrap(), "scrap");
            }
        });
        PostProductionConfirmationResponse response = new PostProductionConfirmationResponse();
        response.setDocumentNumber(posted.documentNumber());
        response.setDuplicate(posted.duplicate());
        return response;
    }

    @Transactional
    public PostGoodsMovementResponse postGoodsMovement(PostGoodsMovementRequest request) {
        String key = RequestChecks.text(request.getMovementId(), "movementId");
        PostingLedger.Posted posted = ledger.post(PostingType.MOVEMENT, key, request,
                () -> stock.applyMovement(request));
        PostGoodsMovementResponse response = new PostGoodsMovementResponse();
        response.setDocumentNumber(posted.documentNumber());
        response.setDuplicate(posted.duplicate());
        return response;
    }

    @Transactional
    public PostDowntimeResponse postDowntime(PostDowntimeRequest request) {
        String key = RequestChecks.text(request.getPostingId(), "postingId");
        PostingLedger.Posted posted = ledger.post(PostingType.DOWNTIME, key, request, () -> {
            RequestChecks.text(request.getResourceId(), "resourceId");
            RequestChecks.text(request.getCostCenter(), "costCenter");
            RequestChecks.text(request.getReasonCode(), "reasonCode");
            Instant startedAt = RequestChecks.present(request.getStartedAt(), "startedAt");
            Instant endedAt = request.getEndedAt();
            if (endedAt != null && endedAt.isBefore(startedAt)) {
                throw new ErpRejectedException(FaultCodes.PERIOD_INVALID, "endedAt is before startedAt");
            }
            if (request.getProductionOrderNumber() != null) {
                productionOrders.require(request.getProductionOrderNumber());
            }
        });
        PostDowntimeResponse response = new PostDowntimeResponse();
        response.setDocumentNumber(posted.documentNumber());
        response.setDuplicate(posted.duplicate());
        return response;
    }

    @Transactional
    public PostMaintenanceCostResponse postMaintenanceCost(PostMaintenanceCostRequest request) {
        String key = RequestChecks.text(request.getPostingId(), "postingId");
        PostingLedger.Posted posted = ledger.post(PostingType.MAINTENANCE_COST, key, request, () -> {
            RequestChecks.text(request.getResourceId(), "resourceId");
            RequestChecks.text(request.getCostCenter(), "costCenter");
            RequestChecks.text(request.getCurrency(), "currency");
            BigDecimal amount = RequestChecks.present(request.getAmount(), "amount");
            if (amount.signum() < 0) {
                throw new ErpRejectedException(FaultCodes.AMOUNT_INVALID, "amount must not be negative");
            }
            for (SparePartDemand part : request.getSparePart()) {
                if (ItemEntity.findById(RequestChecks.text(part.getItemId(), "sparePart.itemId")) == null) {
                    throw new ErpRejectedException(FaultCodes.ITEM_UNKNOWN,
                            "spare part item " + part.getItemId() + " does not exist");
                }
                RequestChecks.positive(part.getQuantity(), "quantity of spare part " + part.getItemId());
            }
        });
        PostMaintenanceCostResponse response = new PostMaintenanceCostResponse();
        response.setDocumentNumber(posted.documentNumber());
        response.setDuplicate(posted.duplicate());
        return response;
    }
}
