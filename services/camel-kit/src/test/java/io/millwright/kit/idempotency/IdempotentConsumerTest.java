package io.millwright.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.IdempotencyProbe;
import io.millwright.kit.testapp.IdempotentRoutes;
import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.KafkaTestClient;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A business key is processed once per processor, and released again when its message is dead-lettered. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class IdempotentConsumerTest {

    private static final Duration CONSUMED = Duration.ofSeconds(60);

    @Inject
    IdempotencyProbe probe;

    @Inject
    IdempotentRepositories repositories;

    @Test
    void sameBusinessKeyThreeTimesIsProcessedOncePerProcessor() {
        String key = newKey();

        for (int i = 0; i < 3; i++) {
            send(key, "delivery " + i);
        }

        await().atMost(CONSUMED).until(() -> probe.arrived(IdempotentRoutes.PROCESSOR_A, key) == 3
                && probe.arrived(IdempotentRoutes.PROCESSOR_B, key) == 3);
        // Each processor has its own repository: B processes the key although A already has.
        assertThat(probe.processed(IdempotentRoutes.PROCESSOR_A, key)).isEqualTo(1);
        assertThat(probe.processed(IdempotentRoutes.PROCESSOR_B, key)).isEqualTo(1);
        assertThat(KitTables.processedMessages(IdempotentRoutes.PROCESSOR_A, key)).isEqualTo(1);
        assertThat(KitTables.processedMessages(IdempotentRoutes.PROCESSOR_B, key)).isEqualTo(1);
        assertThat(repositories.forProcessor("kit-test.unrelated").contains(key)).isFalse();
    }

    @Test
    void keyOfADeadLetteredMessageIsReleasedForTheNextMessage() {
        String key = newKey();

        send(key, IdempotencyProbe.REJECT + " " + key);
        await().atMost(CONSUMED).until(() -> KitTables.deadLetters(IdempotencyProbe.REJECT + " " + key).size() == 2);
        assertThat(KitTables.deadLetters(IdempotencyProbe.REJECT + " " + key))
                .extracting(row -> row.get("route_id"))
                .containsExactlyInAnyOrder(IdempotentRoutes.PROCESSOR_A, IdempotentRoutes.PROCESSOR_B);
        assertThat(probe.processed(IdempotentRoutes.PROCESSOR_A, key)).isZero();
        assertThat(KitTables.processedMessages(IdempotentRoutes.PROCESSOR_A, key)).isZero();

        send(key, "corrected " + key);

        await().atMost(CONSUMED).until(() -> probe.processed(IdempotentRoutes.PROCESSOR_A, key) == 1
                && probe.processed(IdempotentRoutes.PROCESSOR_B, key) == 1);
        assertThat(KitTables.processedMessages(IdempotentRoutes.PROCESSOR_A, key)).isEqualTo(1);
        assertThat(KitTables.processedMessages(IdempotentRoutes.PROCESSOR_B, key)).isEqualTo(1);
    }

    private static void send(String key, String body) {
        KafkaTestClient.send(IdempotentRoutes.TOPIC, key, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String newKey() {
        return "order-" + UUID.randomUUID();
    }
}
