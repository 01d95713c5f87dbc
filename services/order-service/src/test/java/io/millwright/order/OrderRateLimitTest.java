package io.millwright.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.millwright.model.security.Roles;
import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.kit.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A CRM client over its rate (2 orders per 5 s in the test profile) gets 429 with Retry-After, and its order is not stored. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
@QuarkusTestResource(OrderCollaboratorsResource.class)
class OrderRateLimitTest {

    @BeforeEach
    void ready() {
        OrderFixtures.awaitReady();
    }

    @Test
    void anOrderOverTheClientsRateIsRefusedWithRetryAfterAndNothingIsStored() {
        String crm = TestTokens.ofClient("burst-crm", Roles.CRM_INTEGRATION);
        String first = OrderFixtures.newCrmOrderId();
        String second = OrderFixtures.newCrmOrderId();
        String third = OrderFixtures.newCrmOrderId();

        post(crm, first).then().statusCode(202);
        post(crm, second).then().statusCode(202);
        var refused = post(crm, third);
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 5);

        PostgresDatabase db = PostgresDatabase.shared();
        assertThat(db.count("select count(*) from orders.sales_order where crm_order_id = ?", third)).isZero();
        assertThat(db.count("select count(*) from orders.sales_order where crm_order_id in (?, ?)", first, second)).isEqualTo(2);
        given().queryParam("crmOrderId", third).get("/api/v1/orders").then().statusCode(404);
        // another CRM client is not held back by this one
        post(TestTokens.ofClient("calm-crm", Roles.CRM_INTEGRATION), OrderFixtures.newCrmOrderId()).then().statusCode(202);
    }

    private static io.restassured.response.Response post(String token, String crmOrderId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(OrderFixtures.order("valid-order", crmOrderId))
                .post("/api/v1/orders");
    }
}
