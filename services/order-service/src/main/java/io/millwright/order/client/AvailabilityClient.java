package io.millwright.order.client;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.error.Failures;
import io.millwright.kit.target.TargetSystems;
import io.millwright.order.config.OrderConfig;

/**
 * Available stock per item, asked of inventory-service ({@code millwright.kit.targets.inventory}) while an order is
 * validated. Availability informs, it does not reject: a shortage is normal for make-to-order items. Any failure
 * (no answer within the target's timeout, an open breaker, an answer other than 200, e.g. 404 for an item inventory
 * does not keep) makes the whole check "unknown" at once, so an inventory-service outage never blocks order intake.
 */
@ApplicationScoped
public class AvailabilityClient {

    public static final String TARGET = "inventory";

    private static final Logger LOG = Logger.getLogger(AvailabilityClient.class);

    @Inject
    TargetSystems targets;

    @Inject
    OrderConfig config;

    /**
     * @param requested quantity per item id (all lines of the item together)
     * @return available quantity per item id; empty map when availability is unknown
     */
    public Map<String, BigDecimal> availableStock(Map<String, BigDecimal> requested) {
        Map<String, BigDecimal> available = new HashMap<>();
        try {
            for (Map.Entry<String, BigDecimal> item : requested.entrySet()) {
                available.put(item.getKey(), targets.call(TARGET, () -> ask(item.getKey(), item.getValue()), BigDecimal.class));
            }
            return available;
        } catch (RuntimeException e) {
            LOG.warnf("Availability unknown for %s: %s", requested.keySet(), Failures.reason(e));
            return Map.of();
        }
    }

    private BigDecimal ask(String itemId, BigDecimal quantity) {
        InventoryAvailabilityApi inventory = targets.restClient(InventoryAvailabilityApi.class, TARGET);
        JsonNode answer = inventory.availability(itemId, quantity, config.availability().plant());
        JsonNode value = answer.path("availableQuantity").path("value");
        if (!value.isNumber()) {
            throw new IllegalStateException("inventory-service answered without availableQuantity.value for " + itemId);
        }
        return value.decimalValue();
    }
}
