package io.millwright.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.millwright.model.event.Topics;

/** Topics and MES confirmations for {@link FullChainIT}. */
final class FullChainSupport {

    /** order-service's CRM orders topic ({@code millwright.order.crm-topic}). */
    static final String CRM_ORDERS = "millwright.crm.orders";

    private FullChainSupport() {
    }

    /**
     * Creates every topic the services consume (3 partitions) before they start: a consumer that subscribes to a
     * topic that does not exist yet may only see it after its next metadata refresh.
     */
    static void createTopics(String bootstrapServers) throws InterruptedException, TimeoutException {
        List<String> names = new ArrayList<>(Topics.ALL);
        names.add(CRM_ORDERS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n)).map(n -> new NewTopic(n, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + names, e.getCause());
        }
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

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static List<String> businessKeys(List<Map<String, Object>> postings) {
        return postings.stream().map(p -> (String) p.get("businessKey")).toList();
    }
}
