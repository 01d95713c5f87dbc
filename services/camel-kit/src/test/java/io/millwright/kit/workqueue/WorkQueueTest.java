package io.millwright.kit.workqueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.FragileTarget;
import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testapp.ScriptedFailures;
import io.millwright.kit.testapp.SimulatedOutageException;
import io.millwright.kit.testapp.SlowTarget;
import io.millwright.kit.testapp.WorkQueueRoutes;
import io.millwright.kit.testapp.WorkRequests;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.millwright.kit.testing.Management;

/**
 * The kit's durable work queue: work exists if and only if its transaction commits, starts right after the commit,
 * survives failures (backoff, attempts, last error), ends in one dead letter when it cannot succeed, comes back from
 * a dead letter on replay, keeps the order of an ordering key and never runs more items at once than the queue's
 * concurrency. The test queues' safety-net poll is 30 s, so anything faster proves the wake-up after commit.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class WorkQueueTest {

    private static final String DELIVERIES = WorkQueueRoutes.DELIVERIES;

    @Inject
    WorkRequests requests;

    @Inject
    ScriptedFailures failures;

    @Inject
    SlowTarget slow;

    @Inject
    WorkQueues queues;

    @Inject
    FragileTarget fragile;

    @Test
    void committedWorkIsDoneRightAfterTheCommitAndLeavesNoRow() {
        String key = newKey();

        assertThat(requests.request(DELIVERIES, key, null)).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> failures.processed(key));
        assertThat(failures.calls(key)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.workItem(DELIVERIES, key).isEmpty());
    }

    @Test
    void workOfARolledBackTransactionNeverExists() {
        String key = newKey();

        try {
            requests.requestAndFail(DELIVERIES, key);
        } catch (SimulatedOutageException expected) {
            // the transaction rolled back
        }

        assertThat(KitTables.workItem(DELIVERIES, key)).isEmpty();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> failures.calls(key) == 0);
    }

    @Test
    void theSameKeyEnqueuedTwiceWhileWaitingIsOneItem() {
        String order = "ORD-" + UUID.randomUUID();
        String head = newKey();
        String key = newKey();
        failures.failAlways(head);
        requests.request(DELIVERIES, head, order);

        assertThat(requests.request(DELIVERIES, key, order)).isTrue();
        assertThat(requests.request(DELIVERIES, key, order)).as("enqueued again while it waits behind the head of its order").isFalse();

        failures.heal(head);
        await().atMost(Duration.ofSeconds(5)).until(() -> failures.processed(key));
        assertThat(failures.calls(key)).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedWithBackoffKeepingAttemptsAndTheLastError() {
        String key = newKey();
        failures.failTimes(key, 3);

        requests.request(DELIVERIES, key, null);

        Map<String, Object> waiting = await().atMost(Duration.ofSeconds(5))
                .until(() -> KitTables.workItem(DELIVERIES, key).orElse(Map.of()), row -> row.get("last_error") != null);
        assertThat((String) waiting.get("last_error")).startsWith("SimulatedOutageException: Peer unavailable for " + key);
        assertThat((Integer) waiting.get("attempts")).isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.processed(key));
        assertThat(failures.calls(key)).isEqualTo(4);
        assertThat(KitTables.deadLetters(key)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.workItem(DELIVERIES, key).isEmpty());
    }

    @Test
    void aRejectionBecomesOneDeadLetterAndItsReplayIsWorkedOnOnceTheCauseIsGone() {
        String key = newKey();
        failures.reject(key);

        requests.request(DELIVERIES, key, null);

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.deadLetters(key), l -> !l.isEmpty()).get(0);
        assertThat(failures.calls(key)).as("not retried").isEqualTo(1);
        assertThat(letter.get("route_id")).isEqualTo("kit-test.deliveries");
        assertThat(letter.get("reason")).isEqualTo("NonRetryableException: Rejected " + key);
        assertThat(letter.get("endpoint_uri")).isEqualTo("workqueue:" + DELIVERIES);
        assertThat(letter.get("status")).isEqualTo("NEW");
        assertThat(KitTables.workItem(DELIVERIES, key)).isEmpty();

        failures.heal(key);
        given().post("/api/v1/dead-letters/" + letter.get("id") + "/replay").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> failures.processed(key));
        assertThat(KitTables.deadLetters(key)).singleElement()
                .satisfies(replayed -> assertThat(replayed.get("status")).isEqualTo("REPLAYED"));
    }

    @Test
    void aReplayThatFailsAgainUpdatesTheSameDeadLetterInsteadOfCopyingIt() {
        String key = newKey();
        failures.reject(key);
        requests.request(DELIVERIES, key, null);
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.deadLetters(key), l -> !l.isEmpty()).get(0);

        given().post("/api/v1/dead-letters/" + letter.get("id") + "/replay").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> failures.calls(key) == 2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(KitTables.deadLetters(key)).singleElement().satisfies(again -> {
            assertThat(again.get("id")).isEqualTo(letter.get("id"));
            assertThat(again.get("status")).isEqualTo("NEW");
            assertThat(again.get("occurrences")).isEqualTo(2);
            assertThat(again.get("replay_count")).isEqualTo(1);
        }));
        assertThat(KitTables.workItem(DELIVERIES, key)).isEmpty();
    }

    @Test
    void anItemOutOfAttemptsIsDeadLetteredWithTheLastReason() {
        String key = newKey();
        failures.failAlways(key);

        requests.request(WorkQueueRoutes.LIMITED, key, null);

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(10)).until(() -> KitTables.deadLetters(key), l -> !l.isEmpty()).get(0);
        assertThat(failures.calls(key)).isEqualTo(3);
        assertThat(letter.get("reason")).isEqualTo("Gave up after 3 attempt(s): SimulatedOutageException: Peer unavailable for " + key + " (call 3)");
        assertThat(letter.get("route_id")).isEqualTo("kit-test.limited");
        assertThat(KitTables.workItem(WorkQueueRoutes.LIMITED, key)).isEmpty();
    }

    @Test
    void itemsOfOneOrderingKeyWaitForTheOlderOneWhileOtherKeysGoOn() {
        String order = "ORD-" + UUID.randomUUID();
        String first = order + "/1";
        String second = order + "/2";
        String third = order + "/3";
        String otherOrder = "ORD-" + UUID.randomUUID() + "/1";
        failures.failTimes(first, 3);

        requests.request(DELIVERIES, first, order);
        requests.request(DELIVERIES, second, order);
        requests.request(DELIVERIES, third, order);
        requests.request(DELIVERIES, otherOrder, "other-" + order);

        await().atMost(Duration.ofSeconds(5)).until(() -> failures.processed(otherOrder));
        assertThat(failures.processed(first)).as("first still in backoff").isFalse();
        assertThat(failures.calls(second)).as("waits behind the first of its order").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> failures.processed(third));
        assertThat(failures.calls(first)).isEqualTo(4);
        assertThat(failures.processedOrder()).containsSubsequence(first, second, third);
    }

    @Test
    void noMoreItemsRunAtOnceThanTheQueuesConcurrency() {
        List<String> keys = IntStream.range(0, 12).mapToObj(i -> newKey()).toList();

        keys.forEach(key -> requests.request(WorkQueueRoutes.SLOW, key, null));

        await().atMost(Duration.ofSeconds(10)).until(() -> slow.done().containsAll(keys));
        assertThat(slow.mostAtOnce()).isEqualTo(3);
    }

    @Test
    void theItemOfAnInstanceThatDiedComesBackWhenItsLeaseRunsOut() {
        String key = newKey();

        KitTables.insertLeasedWorkItem(DELIVERIES, key, 2);
        // A surviving instance has seen the item before (it was in the table while the other instance worked on it);
        // this test writes it behind the consumer's back, so it tells the consumer to look once.
        queues.wake(DELIVERIES);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !failures.processed(key));
        await().atMost(Duration.ofSeconds(5)).until(() -> failures.processed(key));
        await().atMost(Duration.ofSeconds(5)).until(() -> KitTables.workItem(DELIVERIES, key).isEmpty());
    }

    @Test
    void whileTheTargetsBreakerIsOpenTheQueueWaitsInsteadOfFailingItsItemsOneAfterTheOther() {
        List<String> keys = IntStream.range(0, 30).mapToObj(i -> newKey()).toList();
        keys.forEach(key -> requests.request(WorkQueueRoutes.FRAGILE, key, null));

        // The breaker opens after 4 failed calls; for its 2 s delay the queue claims nothing. Without the pause every
        // one of the 30 items would be claimed and failed, again after each 50-100 ms backoff.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> KitTables.workItemAttempts(WorkQueueRoutes.FRAGILE) <= 4 + 4 * 2);
        assertThat(fragile.reached()).isLessThanOrEqualTo(4 + 1);

        fragile.up();
        await().atMost(Duration.ofSeconds(15)).until(() -> fragile.done().containsAll(keys));
    }

    @Test
    void eachQueueReportsItsDepthAttemptsAndFailures() {
        String key = newKey();
        failures.failTimes(key, 1);
        requests.request(DELIVERIES, key, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> failures.processed(key));

        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metric(scrape, "millwright_work_queue_attempts_total", DELIVERIES)).isGreaterThanOrEqualTo(2);
        assertThat(metric(scrape, "millwright_work_queue_failures_total", DELIVERIES)).isGreaterThanOrEqualTo(1);
        assertThat(metric(scrape, "millwright_work_queue_completed_total", DELIVERIES)).isGreaterThanOrEqualTo(1);
        assertThat(metric(scrape, "millwright_work_queue_depth", DELIVERIES)).isGreaterThanOrEqualTo(0);
        assertThat(metric(scrape, "millwright_work_queue_oldest_age_seconds", DELIVERIES)).isGreaterThanOrEqualTo(0);
    }

    private static double metric(String scrape, String name, String queue) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*queue=\"" + Pattern.quote(queue) + "\"[^}]*\\} (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("%s{queue=%s} in the scrape", name, queue).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static String newKey() {
        return "work-" + UUID.randomUUID();
    }
}
