package io.millwright.simulators.erp.service;

import io.millwright.erp.contract.ListReleasedProductionOrdersRequest;
import io.millwright.erp.contract.ListReleasedProductionOrdersResponse;
import io.millwright.simulators.erp.fault.ErpRejectedException;
import io.millwright.simulators.erp.fault.FaultCodes;
import io.millwright.simulators.erp.mapping.ErpContractMapper;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ProductionOrderService {

    @Transactional
    public ListReleasedProductionOrdersResponse listReleased(ListReleasedProductionOrdersRequest request) {
        RequestChecks.present(request.getReleasedSince(), "releasedSince");
        ListReleasedProductionOrdersResponse response = new ListReleasedProductionOrdersResponse();
        ProductionOrderEntity.releasedSince(request.getReleasedSince(), request.getPlant())
                .forEach(order -> response.getProductionOrder().add(ErpContractMapper.productionOrder(order)));
        return response;
    }

    /** The production order a posting refers to; rejects unknown numbers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProductionOrderEntity require(String productionOrderNumber) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(productionOrderNumber);
        if (order == null) {
            throw new ErpRejectedException(FaultCodes.PRODUCTION_ORDER_UNKNOWN,
                    "production order " + productionOrderNumber + " does not exist");
        }
        return order;
    }
}
