package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.millwright.erp.callback.contract.ReleaseProductionOrderResponse;
import io.millwright.simulators.erp.callback.ReleaseCallbackClient;
import io.millwright.simulators.erp.callback.ReleaseCallbackMapper;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Releases production orders and announces each release with the SOAP call ReleaseProductionOrder at the configured
 * callback URL. The release itself is the ERP's (status RELEASED, listed by ListReleasedProductionOrders) whether or
 * not the announcement gets through; every announcement is recorded in the call log with its answer, and a failed
 * one can be sent again.
 */
@ApplicationScoped
public class ProductionOrderReleaser {

    public static final String OPERATION = "ReleaseProductionOrder";

    private static final Logger LOG = Logger.getLogger(ProductionOrderReleaser.class);

    @Inject
    ProductionPlanningService planning;

    @Inject
    ErpSettings settings;

    @Inject
    ReleaseCallbackClient callbackClient;

    @Inject
    ErpCallLog callLog;

    public record Created(AdminViews.ProductionOrder order, AdminViews.ReleaseResult release) {
    }

    /** Creates an order from routing and BOM; when {@code release}, releases and announces it (after the commit). */
    public Created create(String itemId, BigDecimal quantity, String salesOrderNumber, String plant, boolean release) {
        AdminViews.ProductionOrder order = planning.create(itemId, quantity, salesOrderNumber, plant, release);
        if (!release) {
            return new Created(order, null);
        }
        AdminViews.ReleaseResult result = release(order.productionOrderNumber());
        return new Created(planning.find(order.productionOrderNumber()).orElse(order), result);
    }

    /** Releases the order if it is not yet, then (again) sends ReleaseProductionOrder. Unknown: IllegalArgumentException. */
    public AdminViews.ReleaseResult release(String productionOrderNumber) {
        ProductionOrderEntity order = planning.markReleased(productionOrderNumber);
        return announce(order);
    }

    public List<AdminViews.ReleaseResult> releaseAll(List<String> productionOrderNumbers) {
        return productionOrderNumbers.stream().map(this::release).toList();
    }

    private AdminViews.ReleaseResult announce(ProductionOrderEntity order) {
        String address = settings.current().releaseCallbackUrl();
        String correlationId = UUID.randomUUID().toString();
        ErpCall call = new ErpCall(OPERATION, order.productionOrderNumber, correlationId, null, Instant.now());
        CallOutcome outcome;
        String detail;
        if (address == null) {
            outcome = CallOutcome.FAILED;
            detail = "no release callback URL configured";
        } else {
            try {
                ReleaseProductionOrderResponse response = callbackClient.release(address,
                        ReleaseCallbackMapper.request(order), correlationId);
                outcome = !response.isAccepted() ? CallOutcome.REJECTED
                        : response.isDuplicate() ? CallOutcome.DUPLICATE : CallOutcome.OK;
                detail = "accepted=" + response.isAccepted() + " duplicate=" + response.isDuplicate()
                        + (response.getMessage() == null ? "" : " message=" + response.getMessage());
            } catch (RuntimeException e) {
                outcome = CallOutcome.FAILED;
                detail = rootMessage(e);
            }
        }
        LOG.infof("ReleaseProductionOrder %s to %s: %s %s", order.productionOrderNumber, address, outcome, detail);
        try {
            callLog.record(call, outcome, detail);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record ReleaseProductionOrder %s", order.productionOrderNumber);
        }
        return new AdminViews.ReleaseResult(order.productionOrderNumber, outcome.name(), detail);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
