package io.millwright.edge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.millwright.model.event.EventType;

class JournalLinesTest {

    @Test
    void linesRoundTripWithoutTouchingTheJson() {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8);
        JournalLines.append(body, EventType.EDGE_TELEMETRY_SAMPLED, 41, 1_763_805_600_000L, utf8("{\"tag\":\"a\",\"text\":\"x\\ty äö €\"}"));
        JournalLines.append(body, EventType.EDGE_TELEMETRY_AGGREGATED, 42, 1_763_805_601_000L, utf8("{\"tag\":\"b\"}"));

        assertThat(JournalLines.parse(body.toByteArray())).containsExactly(
                new JournalLines.Line("EDGE_TELEMETRY_SAMPLED", 41, 1_763_805_600_000L, utf8("{\"tag\":\"a\",\"text\":\"x\\ty äö €\"}")),
                new JournalLines.Line("EDGE_TELEMETRY_AGGREGATED", 42, 1_763_805_601_000L, utf8("{\"tag\":\"b\"}")));
        assertThat(JournalLines.parse(body.toByteArray()).get(0).jsonText()).isEqualTo("{\"tag\":\"a\",\"text\":\"x\\ty äö €\"}");
    }

    @Test
    void aDamagedLineIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> JournalLines.parse(utf8("EDGE_TELEMETRY_SAMPLED\t1\t5\t{}\nEDGE_TELEMETRY_SAMPLED\tx\t5\t{}\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("journal line 2");
        assertThatThrownBy(() -> JournalLines.parse(utf8("garbage\n"))).hasMessageContaining("journal line 1");
        assertThatThrownBy(() -> JournalLines.parse(utf8("A\t-\t5\t{}\n"))).hasMessageContaining("bad number");
        assertThatThrownBy(() -> JournalLines.parse(utf8("A\t\t5\t{}\n"))).hasMessageContaining("bad number");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
