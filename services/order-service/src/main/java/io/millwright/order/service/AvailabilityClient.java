package io.millwright.order.service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import io.millwright.erp.contract.GetStockStatusRequest;
import io.millwright.erp.contract.GetStockStatusResponse;
import io.millwright.erp.contract.StockBalance;
import io.millwright.erp.contract.StockStatus;
import io.millwright.kit.erp.ErpGateway;

/**
 * Unrestricted stock per item, asked synchronously while an order is validated. Until inventory-service exists
 * the answer comes from ERP. Availability informs, it does not reject: a shortage is normal for make-to-order
 * items. When ERP does not answer within 1.5 s (or the breaker is open) the fallback answers "unknown"
 * so an ERP outage never blocks order intake.
 */
@ApplicationScoped
public class AvailabilityClient {

    private static final Logger LOG = Logger.getLogger(AvailabilityClient.class);

    @Inject
    ErpGateway erp;

    /** @return unrestricted quantity per item id; empty map when availability is unknown */
    private static final long RECEIVE_TIMEOUT_MS = 1500;

    /** Outer bound only: the SOAP call's own receive timeout (1.5 s) ends it first. */
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "unknown")
    public Map<String, BigDecimal> unrestrictedStock(List<String> itemIds) {
        GetStockStatusRequest request = new GetStockStatusRequest();
        request.getItemId().addAll(itemIds);
        GetStockStatusResponse response = erp.call("GetStockStatus", request, GetStockStatusResponse.class, RECEIVE_TIMEOUT_MS);
        Map<String, BigDecimal> stock = new HashMap<>();
        itemIds.forEach(id -> stock.put(id, BigDecimal.ZERO));
        for (StockBalance balance : response.getBalance()) {
            if (balance.getStatus() == StockStatus.UNRESTRICTED) {
                stock.merge(balance.getItemId(), balance.getQuantity().getValue(), BigDecimal::add);
            }
        }
        return stock;
    }

    Map<String, BigDecimal> unknown(List<String> itemIds, Throwable cause) {
        LOG.warnf("Availability unknown for %s: %s", itemIds, cause.toString());
        return Map.of();
    }
}
