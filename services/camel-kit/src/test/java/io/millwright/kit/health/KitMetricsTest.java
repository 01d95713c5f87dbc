package io.millwright.kit.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.OrderProgress;
import io.millwright.kit.testapp.ScriptedFailureRoutes;
import io.millwright.kit.testapp.ScriptedFailures;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.millwright.kit.testing.Management;

/** The kit's gauges report what the tables hold. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class KitMetricsTest {

    private static final String RELAY_ROUTE = "kit.outbox-relay";

    @Inject
    CamelContext camel;

    @Inject
    ProducerTemplate producer;

    @Inject
    ScriptedFailures failures;

    @Inject
    OrderProgress progress;

    @Test
    void deadLettersGaugeCountsTheNewOnes() {
        String key = "msg-" + UUID.randomUUID();
        failures.reject(key);
        producer.send(ScriptedFailureRoutes.DIRECT_URI, exchange -> exchange.getMessage().setBody(key));
        String id = KitTables.deadLetters(key).get(0).get("id").toString();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gauge("millwright_dead_letters")).isEqualTo(KitTables.newDeadLetters()));
        long withIt = KitTables.newDeadLetters();

        given().delete("/api/v1/dead-letters/" + id).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gauge("millwright_dead_letters")).isEqualTo(KitTables.newDeadLetters()));
        assertThat(KitTables.newDeadLetters()).isLessThan(withIt);
    }

    @Test
    void outboxPendingGaugeCountsEventsKafkaHasNotAcknowledged() throws Exception {
        String orderId = "ORD-" + UUID.randomUUID();
        camel.getRouteController().stopRoute(RELAY_ROUTE);
        try {
            progress.confirm(orderId, false);
            progress.confirm(orderId + "-2", false);

            long pending = KitTables.pendingOutboxEvents();
            assertThat(pending).isGreaterThanOrEqualTo(2);
            assertThat(gauge("millwright_outbox_pending")).isEqualTo(pending);
        } finally {
            camel.getRouteController().startRoute(RELAY_ROUTE);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(KitTables.pendingOutboxEvents()).isZero();
            assertThat(gauge("millwright_outbox_pending")).isZero();
        });
    }

    /** Value of an untagged gauge in the Prometheus scrape. */
    private static long gauge(String name) {
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("%s in the scrape", name).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
