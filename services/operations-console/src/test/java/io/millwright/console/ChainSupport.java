package io.millwright.console;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MES confirmations and ERP ledger helpers for {@link PlatformConsoleIT}. */
final class ChainSupport {

    private ChainSupport() {
    }

    /** A CONSUMPTION of the whole required quantity of one component of the ERP production order. */
    static Map<String, Object> consumption(String productionOrderId, Map<String, Object> component) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("productionOrderId", productionOrderId);
        c.put("type", "CONSUMPTION");
        c.put("operationNumber", component.get("operationNumber"));
        c.put("materialId", component.get("itemId"));
        c.put("quantity", Map.of("value", component.get("requiredQuantity"), "unit", component.get("unitOfMeasure")));
        c.put("operatorId", "OP-17");
        c.put("finalConfirmation", false);
        return c;
    }

    /** The final YIELD of the order's full quantity on its last operation: closes the production order. */
    static Map<String, Object> finalYield(String productionOrderId, String operationNumber, String itemId, BigDecimal quantity) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("productionOrderId", productionOrderId);
        c.put("type", "YIELD");
        c.put("operationNumber", operationNumber);
        c.put("materialId", itemId);
        c.put("quantity", Map.of("value", quantity, "unit", "EA"));
        c.put("operatorId", "OP-17");
        c.put("finalConfirmation", true);
        return c;
    }

    /** A LABOUR booking on an operation: posted to the ERP as a confirmation, moves no goods. */
    static Map<String, Object> labour(String productionOrderId, String operationNumber, int minutes) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("productionOrderId", productionOrderId);
        c.put("type", "LABOUR");
        c.put("operationNumber", operationNumber);
        c.put("quantity", Map.of("value", minutes, "unit", "MIN"));
        c.put("operatorId", "OP-17");
        c.put("finalConfirmation", false);
        return c;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static List<String> businessKeys(List<Map<String, Object>> postings) {
        return postings.stream().map(p -> (String) p.get("businessKey")).toList();
    }
}
