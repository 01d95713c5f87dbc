package io.millwright.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.millwright.edge.config.TagClass;
import io.millwright.edge.processing.JournalEntry;
import io.millwright.edge.processing.LocalProcessor;
import io.millwright.edge.status.EdgeMetrics;
import io.millwright.edge.store.EmbeddedJournal;
import io.millwright.edge.store.JournalWriter;
import io.millwright.edge.store.StoreBudget;
import io.millwright.kit.testing.KafkaBroker;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The disk budget under a Kafka outage: the oldest telemetry is dropped and counted, machine events are never
 * dropped; when events alone fill the store, acquisition pauses and resumes once forwarding made room. Afterwards
 * every telemetry sequence number assigned either arrived or was counted as dropped: nothing vanished silently.
 */
@QuarkusTest
@TestProfile(DiskBudgetTest.Profile.class)
class DiskBudgetTest {

    static final String SOURCE = "plant-budget/line-9";
    static final String ASSET = "line-9";
    static final String ASSET_SOURCE = LocalProcessor.assetSource("plant-budget", ASSET);
    static final long BUDGET = 2 * 1024 * 1024;

    public static class Profile extends EdgeTestProfile {
        @Override
        protected Path plantFile() {
            return fixture("budget.yaml");
        }

        @Override
        protected Map<String, String> extraConfig() {
            return Map.of("millwright.edge.store.max-bytes", Long.toString(BUDGET),
                    "millwright.edge.store.memory-bytes", Long.toString(4 * 1024 * 1024),
                    "millwright.edge.store.resume-below", "0.5",
                    // what a lane holds in flight cannot be dropped: keep it small against this small budget
                    "millwright.edge.forward.batch-size", "100",
                    "quarkus.artemis.url", "vm://0?consumerWindowSize=131072");
        }
    }

    @Inject
    EmbeddedJournal journal;

    @Inject
    JournalWriter writer;

    @Inject
    StoreBudget budget;

    @Inject
    EdgeMetrics metrics;

    @Inject
    CamelContext camel;

    @Test
    void telemetryIsDroppedOldestFirstAndCountedWhileEventsAreKeptAndPauseAcquisition() throws Exception {
        EdgeRecords.awaitTelemetry(SOURCE, 50, Duration.ofSeconds(60));
        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        int events = 0;
        try {
            events += appendAlerts(20);
            // telemetry keeps coming; over budget the oldest is dropped, the store stays near the budget
            await().atMost(Duration.ofSeconds(60)).until(() -> metrics.droppedTotal() > 0);
            for (int i = 0; i < 5; i++) {
                assertThat(journal.storedBytes()).isLessThan(BUDGET + 128 * 1024);
                await().pollDelay(Duration.ofMillis(200)).until(() -> true);
            }
            assertThat(metrics.dropped(TagClass.EVENT)).as("no event dropped").isZero();
            assertThat(budget.acquisitionAllowed()).isTrue();

            // events alone fill the budget: nothing is dropped, acquisition pauses
            while (!budget.isFull()) {
                events += appendAlerts(100);
            }
            assertThat(budget.acquisitionAllowed()).isFalse();
            assertThat(metrics.dropped(TagClass.EVENT)).isZero();
            assertThat(journal.waitingEntries(EmbeddedJournal.EVENTS)).as("events wait in the journal").isPositive();
            // a scan that passed the gate before the store filled may still finish
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
            long acquired = metrics.acquiredTotal();
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            assertThat(metrics.acquiredTotal()).as("acquisition paused").isEqualTo(acquired);
        } finally {
            broker.start();
        }
        // forwarding makes room: acquisition resumes
        await().atMost(Duration.ofSeconds(60)).until(budget::acquisitionAllowed);
        long resumedAt = metrics.acquiredTotal();
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.acquiredTotal() > resumedAt);

        // every event arrives, gapless and in order
        int expectedEvents = events;
        List<ConsumerRecord<String, byte[]>> eventRecords = KafkaTestClient.await(Topics.EDGE_EVENTS,
                r -> ASSET_SOURCE.equals(r.key()), expectedEvents, Duration.ofSeconds(60));
        assertThat(eventRecords.stream().map(r -> Long.parseLong(KafkaTestClient.header(r, "ce_sequence"))).distinct().toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expectedEvents).boxed().toList());

        // stop acquiring, drain, then account for every telemetry sequence number
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith("edge-gateway.acquire.")) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> journal.backlog() == 0);
        long assigned = writer.lastSequence(SOURCE);
        Set<Long> arrived = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : EdgeRecords.allTelemetry(SOURCE, Duration.ofSeconds(2))) {
            arrived.add(Long.parseLong(KafkaTestClient.header(record, "ce_sequence")));
        }
        assertThat(metrics.droppedTotal()).isPositive();
        assertThat(arrived.size() + metrics.droppedTotal()).as("arrived + dropped = assigned").isEqualTo(assigned);
        assertThat(arrived).contains(1L, assigned);
    }

    private int appendAlerts(int count) {
        List<JournalEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "E" + i;
            entries.add(new JournalEntry(EventType.EDGE_MACHINE_ALERT_RAISED, ASSET_SOURCE, "line-9", false,
                    seq -> new MachineAlert("plant-budget", ASSET_SOURCE, seq, ASSET, code, "alert " + code + " " + "x".repeat(200),
                            AlertSeverity.WARNING, null, null, Instant.now())));
        }
        writer.append(entries);
        return count;
    }
}
