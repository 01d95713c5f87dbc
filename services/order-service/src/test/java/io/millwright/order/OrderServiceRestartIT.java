package io.millwright.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.model.security.Roles;
import io.millwright.kit.testing.TestTokens;
import io.millwright.kit.testing.IdentityProvider;
import io.millwright.kit.testing.ErpSimulator;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.ServiceProcess;
import io.millwright.kit.testing.ServiceProperties;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.EventType;

/**
 * O2 across a crash: the packaged order-service is killed (SIGKILL) while an order waits for an unavailable ERP,
 * restarted, and the order is posted exactly once when ERP returns.
 */
class OrderServiceRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServiceProcess service;

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        ErpSimulator.shared().clearFaults();
    }

    @Test
    void orderWaitingForErpSurvivesAKillAndIsPostedOnce() throws Exception {
        IdentityProvider.realmUrl();
        PostgresDatabase db = PostgresDatabase.shared();
        ErpSimulator erp = ErpSimulator.shared();
        Map<String, String> config = ServiceProperties.platform("order-service", db, erp);
        config.putAll(IdentityProvider.serviceProperties());
        // a kill may catch the posting mid-call: it comes back when its lease ends, sooner than the default 60 s
        config.put("millwright.kit.work-queues.\"order.erp-sales-order\".lease", "5s");
        config.putAll(Map.of(
                "millwright.kit.work-queues.\"order.erp-sales-order\".backoff.initial", "200ms",
                "millwright.kit.work-queues.\"order.erp-sales-order\".backoff.max", "2s",
                "millwright.kit.outbox.poll-interval", "100ms"));
        service = ServiceProcess.start("order-service", ServiceProcess.quarkusApp("services/order-service"), config,
                Duration.ofSeconds(90));

        erp.injectFault("UNAVAILABLE", null, null, null);
        String crmOrderId = OrderFixtures.newCrmOrderId();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.withRoles(Roles.CRM_INTEGRATION))
                .POST(HttpRequest.BodyPublishers.ofString(OrderFixtures.order("valid-order", crmOrderId))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);
        String orderId = ModelJson.mapper().readTree(created.body()).get("id").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> order(orderId).get("erp").get("attempts").asInt() >= 1);
        service.kill();
        assertThat(db.count("select count(*) from orders.sales_order where id = ? and status = 'WAITING_FOR_ERP'", orderId))
                .isEqualTo(1);

        service = service.restart(Duration.ofSeconds(90));
        erp.clearFaults();
        await().atMost(Duration.ofSeconds(45)).until(() -> "CONFIRMED".equals(order(orderId).get("status").asText()));

        assertThat(erp.salesOrders(orderId)).hasSize(1);
        KafkaTestClient.await(io.millwright.model.event.Topics.ORDER_EVENTS,
                r -> OrderFixtures.isEvent(r, orderId, EventType.ORDER_CONFIRMED.type()), 1, Duration.ofSeconds(30));
        // The outbox relay delivers at least once (D13): a record sent just before the kill may be sent again after
        // the restart, with the same ce_id. Consumers deduplicate on it; one event each is what they see.
        Map<String, String> typeById = new java.util.LinkedHashMap<>();
        OrderFixtures.eventsOf(orderId).forEach(r -> typeById.putIfAbsent(KafkaTestClient.header(r, "ce_id"), KafkaTestClient.header(r, "ce_type")));
        assertThat(typeById.values()).containsExactly(EventType.ORDER_ACCEPTED.type(), EventType.ORDER_CONFIRMED.type());
    }

    private static JsonNode order(String orderId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/orders/" + orderId))
                .header("Authorization", "Bearer " + TestTokens.withRoles(Roles.VIEWER))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return ModelJson.mapper().readTree(response.body());
    }
}
