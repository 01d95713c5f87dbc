package io.millwright.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.millwright.model.edge.MachineState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** M1: machine states become periods per resource: downtime (state, fault, start, end) and how much of a window it ran. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(EamWebhookSecret.class)
@QuarkusTestResource(PlantServices.class)
class DowntimeTest {

    @Test
    void stateChangesGiveTheResourcesDowntimeAndAvailability() {
        // PRESS-2 is resource RES-PRESS-02, whose states no other test sends (the database is this test JVM's own)
        EdgeEvents press = new EdgeEvents("PRESS-2");
        Instant t0 = Instant.parse("2026-01-05T06:00:00Z");
        KafkaTestClient.publish(press.state(press.next(), null, MachineState.RUNNING, null, t0));
        KafkaTestClient.publish(press.state(press.next(), MachineState.RUNNING, MachineState.FAULT, "17", t0.plusSeconds(3600)));
        KafkaTestClient.publish(press.state(press.next(), MachineState.FAULT, MachineState.MAINTENANCE, null, t0.plusSeconds(4500)));
        KafkaTestClient.publish(press.state(press.next(), MachineState.MAINTENANCE, MachineState.RUNNING, null, t0.plusSeconds(5400)));

        JsonPath downtime = await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("from", t0.toString())
                .queryParam("to", t0.plusSeconds(7200).toString()).get("/api/v1/resources/RES-PRESS-02/downtime").then().statusCode(200)
                .extract().jsonPath(), d -> d.getLong("observedSeconds") == 7200);
        assertThat(downtime.getList("downtime.state", String.class)).containsExactly("FAULT", "MAINTENANCE");
        assertThat(downtime.getString("downtime[0].faultCode")).isEqualTo("17");
        assertThat(downtime.getString("downtime[0].startedAt")).isEqualTo(t0.plusSeconds(3600).toString());
        assertThat(downtime.getString("downtime[0].endedAt")).isEqualTo(t0.plusSeconds(4500).toString());
        assertThat(downtime.getLong("downtime[1].seconds")).isEqualTo(900);
        assertThat(downtime.getLong("downSeconds")).isEqualTo(1800);
        assertThat(downtime.getLong("runningSeconds")).isEqualTo(5400);
        assertThat(downtime.getDouble("availability")).isEqualTo(0.75);
    }
}
