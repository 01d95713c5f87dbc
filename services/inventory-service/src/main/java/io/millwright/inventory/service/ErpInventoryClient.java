package io.millwright.inventory.service;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

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
import io.millwright.kit.erp.ErpBusinessException;
import io.millwright.kit.erp.ErpGateway;
import io.millwright.kit.erp.ErpUnavailableException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The ERP operations inventory uses. Writes are safe to retry: ERP deduplicates PostGoodsMovement on the
 * movement id and SetStockStatus on the posting id, so a call that timed out after reaching ERP is answered
 * with the first document and {@code duplicate=true}. Business rejections are neither retried nor counted
 * against the breaker. The pollers add their own, longer backoff on top.
 */
@ApplicationScoped
public class ErpInventoryClient {

    @Inject
    ErpGateway erp;

    /** Outer bound only: the SOAP call's connect and receive timeouts end it first. */
    @Timeout(8000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = { ErpUnavailableException.class, TimeoutException.class },
            abortOn = ErpBusinessException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = ErpBusinessException.class)
    public PostGoodsMovementResponse postGoodsMovement(PostGoodsMovementRequest request) {
        return erp.call("PostGoodsMovement", request, PostGoodsMovementResponse.class);
    }

    @Timeout(8000)
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = { ErpUnavailableException.class, TimeoutException.class },
            abortOn = ErpBusinessException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = ErpBusinessException.class)
    public SetStockStatusResponse setStockStatus(SetStockStatusRequest request) {
        return erp.call("SetStockStatus", request, SetStockStatusResponse.class);
    }

    @Timeout(15000)
    @Retry(maxRetries = 2, delay = 500, retryOn = { ErpUnavailableException.class, TimeoutException.class },
            abortOn = ErpBusinessException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 4000)
    public List<StockBalance> stock(Collection<String> itemIds, String plantId) {
        GetStockStatusRequest request = new GetStockStatusRequest();
        request.getItemId().addAll(itemIds);
        request.setPlant(plantId);
        return erp.call("GetStockStatus", request, GetStockStatusResponse.class).getBalance();
    }

    @Timeout(15000)
    @Retry(maxRetries = 2, delay = 500, retryOn = { ErpUnavailableException.class, TimeoutException.class },
            abortOn = ErpBusinessException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 4000)
    public List<Item> items() {
        return erp.call("ListItems", new ListItemsRequest(), ListItemsResponse.class).getItem();
    }
}
