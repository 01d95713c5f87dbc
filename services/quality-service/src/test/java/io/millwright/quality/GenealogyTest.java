package io.millwright.quality;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOperation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.production.ProductionOrderStatus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Lot genealogy from production events, three levels deep (raw material -> semi-finished -> finished), both ways,
 * whatever order the events arrive in; repeats change nothing; bad input gets a clear answer.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class GenealogyTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void threeLevelsBothWaysWithProductionOrdersSalesOrdersResourcesAndTimes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String rm = "L-RM-" + run;
        String rm2 = "L-RM2-" + run;
        String sf = "L-SF-" + run;
        String fg = "L-FG-" + run;
        String poSf = "PO-SF-" + run;
        String poFg = "PO-FG-" + run;

        // the finished lot's events first, its component's production afterwards, a repeat under another event id
        publish(released(poFg, "FG-100", "SO-" + run, "RES-ASSY-01"));
        publish(confirmation(poFg, "C-FG-Y-" + run, ConfirmationKind.COMPLETION, "RES-ASSY-01", "0020", "FG-100", fg, 10, T0.plusSeconds(7200)));
        publish(confirmation(poFg, "C-FG-C1-" + run, ConfirmationKind.CONSUMPTION, "RES-ASSY-01", "0010", "SF-150", sf, 10, T0.plusSeconds(3600)));
        publish(confirmation(poFg, "C-FG-C2-" + run, ConfirmationKind.CONSUMPTION, "RES-ASSY-01", "0010", "RM-300", rm2, 20, T0.plusSeconds(3700)));
        publish(released(poSf, "SF-150", null, "RES-CNC-01"));
        publish(confirmation(poSf, "C-SF-C-" + run, ConfirmationKind.CONSUMPTION, "RES-CNC-01", "0010", "RM-200", rm, 5, T0));
        publish(confirmation(poSf, "C-SF-Y-" + run, ConfirmationKind.COMPLETION, "RES-CNC-01", "0020", "SF-150", sf, 10, T0.plusSeconds(1800)));
        publish(confirmation(poSf, "C-SF-C-" + run, ConfirmationKind.CONSUMPTION, "RES-CNC-01", "0010", "RM-200", rm, 5, T0));

        JsonPath madeFrom = await().atMost(FLOW_TIMEOUT).until(() -> genealogy(fg, "components"),
                g -> g != null && g.getList("lot.madeFrom", Map.class).stream()
                        .anyMatch(lot -> sf.equals(lot.get("lot")) && !((List<?>) lot.get("madeFrom")).isEmpty()));
        assertThat(madeFrom.getString("direction")).isEqualTo("components");
        assertThat(madeFrom.getString("meaning")).isEqualTo("made from");
        assertThat(madeFrom.getInt("levels")).isEqualTo(2);
        assertThat(madeFrom.getString("lot.lot")).isEqualTo(fg);
        assertThat(madeFrom.getString("lot.itemId")).isEqualTo("FG-100");
        assertThat(madeFrom.getString("lot.madeBy[0].productionOrderId")).isEqualTo(poFg);
        assertThat(madeFrom.getString("lot.madeBy[0].salesOrderId")).isEqualTo("SO-" + run);
        assertThat(madeFrom.getList("lot.madeBy[0].activities.operationNumber", String.class)).containsExactly("0010", "0020");
        assertThat(madeFrom.getString("lot.madeBy[0].activities[0].from")).isEqualTo(T0.plusSeconds(3600).toString());
        assertThat(madeFrom.getString("lot.madeBy[0].activities[1].to")).isEqualTo(T0.plusSeconds(7200).toString());
        assertThat(madeFrom.getList("lot.madeFrom.lot", String.class)).containsExactlyInAnyOrder(sf, rm2);
        Map<String, Object> semiFinished = madeFrom.getMap("lot.madeFrom.find { it.lot == '" + sf + "' }");
        assertThat(semiFinished).containsEntry("itemId", "SF-150").containsEntry("via", poFg).containsEntry("unit", "EA");
        assertThat(((Number) semiFinished.get("quantity")).intValue()).isEqualTo(10);
        // the repeated consumption (another event id, same confirmation) is counted once
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = ((List<Map<String, Object>>) semiFinished.get("madeFrom")).get(0);
        assertThat(raw).containsEntry("lot", rm).containsEntry("itemId", "RM-200").containsEntry("via", poSf);
        assertThat(((Number) raw.get("quantity")).intValue()).isEqualTo(5);
        assertThat(semiFinished.get("madeBy").toString()).contains("RES-CNC-01").doesNotContain("RES-ASSY-01");

        JsonPath usedIn = genealogy(rm, "products");
        assertThat(usedIn.getString("meaning")).isEqualTo("used in");
        assertThat(usedIn.getInt("levels")).isEqualTo(2);
        assertThat(usedIn.getString("lot.madeBy")).isEqualTo("[]");
        assertThat(usedIn.getList("lot.usedIn.lot", String.class)).containsExactly(sf);
        assertThat(usedIn.getString("lot.usedIn[0].via")).isEqualTo(poSf);
        assertThat(usedIn.getList("lot.usedIn[0].usedIn.lot", String.class)).containsExactly(fg);
        assertThat(usedIn.getString("lot.usedIn[0].usedIn[0].via")).isEqualTo(poFg);
        assertThat(usedIn.getList("lot.usedIn[0].usedIn[0].usedIn", Object.class)).isEmpty();
        assertThat(usedIn.getString("lot.madeFrom")).isNull();
    }

    @Test
    void unknownLotsDirectionsAndUnstorableTextAreClearErrors() {
        given().get("/api/v1/lots/L-NEVER-SEEN/genealogy").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("L-NEVER-SEEN"));
        given().queryParam("direction", "upstream").get("/api/v1/lots/L-ANY/genealogy").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("made from"));
        given().urlEncodingEnabled(false).get("/api/v1/lots/L-%00-X/genealogy").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUnreadableProductionEventIsADeadLetterWithItsReasonAndTheRestGoesOn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.send(Topics.PRODUCTION_EVENTS, "PO-BAD-" + run, "{not json".getBytes(StandardCharsets.UTF_8), Map.of(
                "ce_specversion", "1.0", "ce_id", "bad-" + run, "ce_type", EventType.PRODUCTION_CONFIRMATION_POSTED.type(),
                "ce_source", "/millwright/production-service", "content-type", "application/json"));
        String lot = "L-AFTER-" + run;
        publish(confirmation("PO-OK-" + run, "C-OK-" + run, ConfirmationKind.COMPLETION, "RES-CNC-01", "0010", "FG-100", lot, 1, T0));

        await().atMost(FLOW_TIMEOUT).until(() -> given().get("/api/v1/lots/" + lot + "/genealogy").statusCode() == 200);
        List<Map<String, Object>> letters = given().queryParam("routeId", "quality.genealogy").get("/api/v1/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(letters).anySatisfy(letter -> assertThat(String.valueOf(letter.get("reason"))).contains("NonRetryable"));
        given().get("/api/v1/lots/" + lot + "/genealogy").then().body("lot.madeBy[0].productionOrderId", equalTo("PO-OK-" + run));
    }

    private static JsonPath genealogy(String lot, String direction) {
        var response = given().queryParam("direction", direction).get("/api/v1/lots/" + lot + "/genealogy");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static CloudEvent released(String po, String item, String salesOrder, String resource) {
        ProductionOrder order = new ProductionOrder(po, "1000", item, Quantity.of(10, "EA"), ProductionOrderStatus.RELEASED, resource,
                salesOrder, null, null, LocalDate.now().plusDays(7),
                List.of(new ProductionOperation("0010", "Operation", resource, "WC-1", null, null)), List.of());
        return event(EventType.PRODUCTION_ORDER_RELEASED, po, new ProductionOrderReleased(order, T0));
    }

    private static CloudEvent confirmation(String po, String id, ConfirmationKind kind, String resource, String operation, String item,
            String lot, long quantity, Instant at) {
        ProductionConfirmation c = new ProductionConfirmation(id, kind, po, operation, resource, item, Quantity.of(quantity, "EA"), lot, null,
                null, null, kind == ConfirmationKind.COMPLETION, at);
        return event(EventType.PRODUCTION_CONFIRMATION_POSTED, po, new ConfirmationPosted(c, "PC-" + id, at));
    }

    private static CloudEvent event(EventType type, String subject, Object data) {
        return DomainEvents.toCloudEvent(type, DomainEvents.source("production-service"), UUID.randomUUID().toString(), subject, data,
                Instant.now(), "corr-" + subject, null);
    }

    private static void publish(CloudEvent event) {
        KafkaTestClient.publish(event);
    }
}
