package io.millwright.edge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.millwright.model.event.EventType;

class JournalLinesTest {

    @Test
    void linesRoundTripWithoutTouchingTheJson() {
        StringBuilder body = new StringBuilder();
        JournalLines.append(body, EventType.EDGE_TELEMETRY_SAMPLED, 41, 1_763_805_600_000L, "{\"tag\":\"a\",\"text\":\"x\\ty\"}");
        JournalLines.append(body, EventType.EDGE_TELEMETRY_AGGREGATED, 42, 1_763_805_601_000L, "{\"tag\":\"b\"}");

        assertThat(JournalLines.parse(body.toString())).containsExactly(
                new JournalLines.Line("EDGE_TELEMETRY_SAMPLED", 41, 1_763_805_600_000L, "{\"tag\":\"a\",\"text\":\"x\\ty\"}"),
                new JournalLines.Line("EDGE_TELEMETRY_AGGREGATED", 42, 1_763_805_601_000L, "{\"tag\":\"b\"}"));
    }

    @Test
    void aDamagedLineIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> JournalLines.parse("EDGE_TELEMETRY_SAMPLED\t1\t5\t{}\nEDGE_TELEMETRY_SAMPLED\tx\t5\t{}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journal line 2");
        assertThatThrownBy(() -> JournalLines.parse("garbage\n")).hasMessageContaining("journal line 1");
    }
}
