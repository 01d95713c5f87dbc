package io.millwright.quality;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.production.ConfirmationKind;
import io.millwright.model.production.ConfirmationPosted;
import io.millwright.model.production.ProductionConfirmation;
import io.millwright.model.production.ProductionOperation;
import io.millwright.model.production.ProductionOrder;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.production.ProductionOrderStatus;
import io.millwright.model.webhook.WebhookSignature;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Production events as production-service publishes them, and QMS results as the QMS sends them (signed). */
final class QualityFixtures {

    static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private QualityFixtures() {
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static void released(String po, String item, String salesOrder, String resource) {
        ProductionOrder order = new ProductionOrder(po, "1000", item, Quantity.of(10, "EA"), ProductionOrderStatus.RELEASED, resource,
                salesOrder, null, null, LocalDate.now().plusDays(7),
                List.of(new ProductionOperation("0010", "Operation", resource, "WC-1", null, null)), List.of());
        publish(event(EventType.PRODUCTION_ORDER_RELEASED, po, new ProductionOrderReleased(order, T0)));
    }

    static void confirmed(String po, String id, ConfirmationKind kind, String resource, String operation, String item, String lot,
            long quantity, Instant at) {
        ProductionConfirmation c = new ProductionConfirmation(id, kind, po, operation, resource, item, Quantity.of(quantity, "EA"), lot, null,
                null, null, kind == ConfirmationKind.COMPLETION, at);
        publish(event(EventType.PRODUCTION_CONFIRMATION_POSTED, po, new ConfirmationPosted(c, "PC-" + id, at)));
    }

    /** A production order {@code po} that consumed {@code components} and produced {@code lot} of {@code item} on {@code resource}. */
    static void produced(String po, String item, String lot, String resource, Instant from, Instant to, String... components) {
        // the order's work starts at `from` (labour on the first operation), whatever it consumed
        ProductionConfirmation labour = new ProductionConfirmation("L-" + po, ConfirmationKind.LABOUR, po, "0010", resource, null,
                Quantity.of(30, "MIN"), null, null, null, null, false, from);
        publish(event(EventType.PRODUCTION_CONFIRMATION_POSTED, po, new ConfirmationPosted(labour, "PC-L-" + po, from)));
        int n = 0;
        for (String component : components) {
            confirmed(po, "C-" + po + "-" + (++n), ConfirmationKind.CONSUMPTION, resource, "0010", "RM-" + n, component, 5, from);
        }
        confirmed(po, "Y-" + po, ConfirmationKind.COMPLETION, resource, "0020", item, lot, 10, to);
    }

    static CloudEvent event(EventType type, String subject, Object data) {
        return DomainEvents.toCloudEvent(type, DomainEvents.source("production-service"), UUID.randomUUID().toString(), subject, data,
                Instant.now(), "corr-" + subject, null);
    }

    static void publish(CloudEvent event) {
        KafkaTestClient.publish(event);
    }

    static String result(String resultId, String lot, String verdict) {
        Map<String, Object> bore = new LinkedHashMap<>();
        bore.put("name", "bore-diameter");
        bore.put("value", "FAIL".equals(verdict) ? 25.41 : 25.02);
        bore.put("unit", "MM");
        bore.put("lowerLimit", 24.95);
        bore.put("upperLimit", 25.05);
        bore.put("verdict", verdict);
        Map<String, Object> surface = new LinkedHashMap<>();
        surface.put("name", "surface");
        surface.put("textValue", "no visible defects");
        surface.put("verdict", "PASS");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultId", resultId);
        result.put("lotId", lot);
        result.put("inspectionPlanId", "IP-100");
        result.put("verdict", verdict);
        result.put("characteristics", List.of(bore, surface));
        result.put("inspectorId", "QI-7");
        result.put("inspectedAt", T0.plusSeconds(4 * 3600).toString());
        return json(result);
    }

    static String json(Object value) {
        try {
            return ModelJson.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body signed now with the QMS's secret, under a new delivery id (a resend is a new delivery). */
    static Response sendResult(String body) {
        return given().auth().none().contentType(ContentType.JSON)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(QmsWebhookSecret.value(), Instant.now(), UUID.randomUUID().toString(), body))
                .body(body).post("/webhooks/qms/results");
    }

    static Response decide(String lot, String decision) {
        return given().contentType(ContentType.JSON).body(json(Map.of("decision", decision, "code", "A1", "reason", "re-inspected")))
                .post("/api/v1/lots/" + lot + "/usage-decision");
    }

    static boolean known(String lot) {
        return given().get("/api/v1/lots/" + lot + "/genealogy").statusCode() == 200;
    }
}
