package io.millwright.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.millwright.kit.testing.ErpSimulatorResource;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresDatabase;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** O1 bad input: a clear 4xx naming the fields, nothing stored, nothing published, nothing sent to ERP. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(ErpSimulatorResource.class)
class OrderValidationTest {

    @org.junit.jupiter.api.BeforeEach
    void serviceReady() {
        OrderFixtures.awaitReady();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown-item      | lines[0].itemId       | unknown item FG-999",
            "wrong-price       | lines[0].unitPrice    | does not match the price list: 125.00 EUR",
            "negative-quantity | lines[0].quantity     | must be greater than 0",
            "blocked-customer  | customerId            | credit block",
    })
    void invalidOrderIsAnsweredWith422AndFieldErrors(String fixture, String field, String message) {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        given().contentType(ContentType.JSON).body(OrderFixtures.order(fixture, crmOrderId))
                .post("/api/v1/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", org.hamcrest.Matchers.containsString(message));
        assertNothingWritten(crmOrderId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "missing-fields" })
    void missingFieldsAreAllNamed(String fixture) {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        given().contentType(ContentType.JSON).body(OrderFixtures.order(fixture, crmOrderId))
                .post("/api/v1/orders")
                .then().statusCode(422)
                .body("errors.field", hasItems("customerId", "currency", "lines[0].quantity"));
        assertNothingWritten(crmOrderId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "malformed" })
    void malformedJsonIsA400(String fixture) {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        given().contentType(ContentType.JSON).body(OrderFixtures.order(fixture, crmOrderId))
                .post("/api/v1/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        assertNothingWritten(crmOrderId);
    }

    @ParameterizedTest(name = "quantity {0}")
    @CsvSource({ "\"four\"" })
    void wrongTypeIsA422NamingTheField(String quantity) {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String body = OrderFixtures.order("valid-order", crmOrderId).replace("\"quantity\": 4", "\"quantity\": " + quantity);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                .then().statusCode(422).body("errors.field", hasItem("lines[0].quantity"));
        assertNothingWritten(crmOrderId);
    }

    @ParameterizedTest(name = "NUL in {0}")
    @CsvSource(delimiter = '|', value = {
            "crmOrderId       | \"crmOrderId\": \"     | \"crmOrderId\": \"\\u0000",
            "customerId       | \"customerId\": \"C-   | \"customerId\": \"C-\\u0000",
            "lines[0].itemId  | \"itemId\": \"FG-100  | \"itemId\": \"FG-\\u0000100",
    })
    void textTheDatabaseCannotStoreIsA422NamingTheField(String field, String find, String replace) {
        String crmOrderId = OrderFixtures.newCrmOrderId();
        String body = OrderFixtures.order("valid-order", crmOrderId).replaceFirst(java.util.regex.Pattern.quote(find),
                java.util.regex.Matcher.quoteReplacement(replace));
        assertThat(body).contains("\\u0000");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem("must not contain the NUL character (U+0000)"));
        assertNothingWritten(crmOrderId);
    }

    @org.junit.jupiter.api.Test
    void aQueryParameterTheDatabaseCannotStoreIsA400NamingIt() {
        given().urlEncodingEnabled(false).get("/api/v1/orders?crmOrderId=CRM-%00-1")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("crmOrderId"));
        given().urlEncodingEnabled(false).get("/api/v1/orders/ORD%00-1")
                .then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    private static void assertNothingWritten(String crmOrderId) {
        assertThat(PostgresDatabase.shared().count("select count(*) from orders.sales_order where crm_order_id = ?", crmOrderId))
                .isZero();
        assertThat(PostgresDatabase.shared().count(
                "select count(*) from orders.kit_outbox_event where data like ?", "%" + crmOrderId + "%")).isZero();
        assertThat(OrderFixtures.allOrderEvents()).noneMatch(r -> OrderFixtures.mentionsCrmOrderId(r, crmOrderId));
    }
}
