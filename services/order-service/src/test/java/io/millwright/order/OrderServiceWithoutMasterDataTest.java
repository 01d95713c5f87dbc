package io.millwright.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.millwright.kit.testing.Management;

/**
 * A first start while ERP is unreachable: no master data to validate against, so the service is not ready, REST
 * intake answers 503 with Retry-After, and CRM orders wait in Kafka (the consumer is not started) instead of being
 * dead-lettered.
 */
@QuarkusTest
@TestProfile(OrderServiceWithoutMasterDataTest.ErpNeverReached.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OrderServiceWithoutMasterDataTest {

    public static class ErpNeverReached implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "millwright.kit.targets.erp.url", "http://127.0.0.1:1/soap/erp",
                    "quarkus.flyway.schemas", "orders_cold_start",
                    "quarkus.hibernate-orm.database.default-schema", "orders_cold_start",
                    "millwright.order.master-data.check-interval", "500ms");
        }
    }

    @Inject
    CamelContext camel;

    @Test
    void notReadyAndOrdersAreRefusedWith503UntilMasterDataArrives() {
        Management.given().get("/q/health/ready").then().statusCode(503);

        String crmOrderId = OrderFixtures.newCrmOrderId();
        given().contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", crmOrderId))
                .post("/api/v1/orders")
                .then().statusCode(503)
                .header("Retry-After", "30")
                .contentType("application/problem+json")
                .body("status", equalTo(503));

        KafkaTestClient.send("millwright.crm.orders", crmOrderId,
                OrderFixtures.order("valid-order", crmOrderId).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(camel.getRouteController().getRouteStatus("order.crm-inbound")).isNotEqualTo(ServiceStatus.Started);
        assertThat(PostgresDatabase.shared().count("select count(*) from orders_cold_start.sales_order")).isZero();
        assertThat(PostgresDatabase.shared().count("select count(*) from orders_cold_start.kit_dead_letter")).isZero();
    }
}
