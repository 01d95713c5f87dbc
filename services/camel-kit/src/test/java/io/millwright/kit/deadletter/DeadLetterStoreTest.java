package io.millwright.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.millwright.kit.testapp.KitTables;
import io.millwright.kit.testing.KafkaResource;
import io.millwright.kit.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Business rejections recorded by a flow itself: one dead letter per route and key while it is not discarded. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DeadLetterStoreTest {

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    DeadLetterOperations operations;

    @Test
    void theSameProblemUnderTheSameKeyIsOneDeadLetterCountingItsOccurrences() {
        String key = "PO-" + UUID.randomUUID();

        UUID first = deadLetters.record(NewDeadLetter.of("kit-test.rejections", "Order " + key + " has no operations")
                .key(key).payload(key).replayTo("direct:kit-test.nowhere").header("plant", "1000"));
        UUID second = deadLetters.record(NewDeadLetter.of("kit-test.rejections", "Order " + key + " has no operations, still")
                .key(key).payload(key).replayTo("direct:kit-test.nowhere"));

        assertThat(second).isEqualTo(first);
        assertThat(KitTables.deadLetters(key)).singleElement().satisfies(row -> {
            assertThat(row.get("occurrences")).isEqualTo(2);
            assertThat(row.get("reason")).isEqualTo("Order " + key + " has no operations, still");
            assertThat(row.get("status")).isEqualTo("NEW");
            assertThat(row.get("endpoint_uri")).isEqualTo("direct:kit-test.nowhere");
        });
    }

    @Test
    void afterADiscardTheSameKeyIsANewProblem() {
        String key = "PO-" + UUID.randomUUID();
        UUID first = deadLetters.record(NewDeadLetter.of("kit-test.rejections", "refused").key(key).payload(key));
        operations.discard(first);

        UUID again = deadLetters.record(NewDeadLetter.of("kit-test.rejections", "refused").key(key).payload(key));

        assertThat(again).isNotEqualTo(first);
        assertThat(KitTables.deadLetters(key)).extracting(row -> row.get("status")).containsExactly("DISCARDED", "NEW");
    }

    @Test
    void withoutAKeyEveryRecordIsItsOwnDeadLetter() {
        String payload = "payload-" + UUID.randomUUID();

        deadLetters.record(NewDeadLetter.of("kit-test.rejections", "refused").payload(payload));
        deadLetters.record(NewDeadLetter.of("kit-test.rejections", "refused").payload(payload));

        assertThat(KitTables.deadLetters(payload)).hasSize(2);
    }
}
