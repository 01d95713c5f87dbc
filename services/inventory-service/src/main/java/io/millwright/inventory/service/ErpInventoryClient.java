package io.millwright.inventory.service;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.millwright.erp.contract.GetStockStatusRequest;
import io.millwright.erp.contract.GetStockStatusResponse;
import io.millwright.erp.contract.Item;
import io.millwright.erp.contract.ListItemsRequest;
import io.millwright.erp.contract.ListItemsResponse;
import io.millwright.erp.contract.PostGoodsMovementRequest;
import io.millwright.erp.contract.PostGoodsMovementResponse;
import io.millwright.erp.contract.SetStockStatusRequest;
import io.millwright.erp.contract.SetStockStatusResponse;
import io.millwright.erp.contract.StockBalance;
import io.millwright.kit.erp.ErpGateway;

/**
 * The ERP operations inventory uses. Writes are safe to retry: ERP deduplicates PostGoodsMovement on the
 * movement id and SetStockStatus on the posting id, so a call that timed out after reaching ERP is answered
 * with the first document and {@code duplicate=true}. Timeouts, breaker and bulkhead are the ERP target's
 * ({@code millwright.kit.targets.erp}); the work queues and the scheduled syncs retry.
 */
@ApplicationScoped
public class ErpInventoryClient {

    @Inject
    ErpGateway erp;

    public PostGoodsMovementResponse postGoodsMovement(PostGoodsMovementRequest request) {
        return erp.call("PostGoodsMovement", request, PostGoodsMovementResponse.class);
    }

    public SetStockStatusResponse setStockStatus(SetStockStatusRequest request) {
        return erp.call("SetStockStatus", request, SetStockStatusResponse.class);
    }

    public List<StockBalance> stock(Collection<String> itemIds, String plantId) {
        GetStockStatusRequest request = new GetStockStatusRequest();
        request.getItemId().addAll(itemIds);
        request.setPlant(plantId);
        return erp.call("GetStockStatus", request, GetStockStatusResponse.class).getBalance();
    }

    public List<Item> items() {
        return erp.call("ListItems", new ListItemsRequest(), ListItemsResponse.class).getItem();
    }
}
