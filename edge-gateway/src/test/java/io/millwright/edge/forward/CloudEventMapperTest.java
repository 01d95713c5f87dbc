package io.millwright.edge.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

class CloudEventMapperTest {

    static final TelemetrySample SAMPLE = new TelemetrySample("plant-1", "plant-1/line-1", 42, "line-1", "line1.speed",
            new Quantity(new BigDecimal("1480"), "RPM"), null, SampleQuality.GOOD, null, Instant.parse("2026-11-22T10:15:30.123Z"));

    @Test
    void theFastPathWritesTheSameEventAsTheValidatingOne() throws Exception {
        String json = ModelJson.mapper().writeValueAsString(SAMPLE);
        ProducerRecord<String, byte[]> fast = CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), json, "plant-1",
                "plant-1/line-1", 42L, SAMPLE.sampledAt().toEpochMilli());
        ProducerRecord<String, byte[]> full = CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), json);

        assertThat(fast.topic()).isEqualTo(Topics.EDGE_TELEMETRY).isEqualTo(full.topic());
        assertThat(fast.key()).isEqualTo("plant-1/line-1").isEqualTo(full.key());
        assertThat(headers(fast)).isEqualTo(headers(full));
        CloudEvent event = DomainEvents.fromConsumerRecord(new ConsumerRecord<>(fast.topic(), 0, 0, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, fast.key(), fast.value(), fast.headers(),
                java.util.Optional.empty()));
        assertThat(event.getId()).isEqualTo("plant-1/line-1/42");
        assertThat(event.getExtension("sequence")).isEqualTo("42");
        assertThat(DomainEvents.data(event, TelemetrySample.class)).isEqualTo(SAMPLE);
    }

    @Test
    void entriesThatCanNeverBeEventsAreUnforwardable() {
        assertThatThrownBy(() -> CloudEventMapper.toRecord("NO_SUCH_TYPE", "{}", "p", "p/c", 1L, 0L))
                .isInstanceOf(UnforwardableEntryException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), " ", "p", "p/c", 1L, 0L))
                .isInstanceOf(UnforwardableEntryException.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), "{\"tag\":1}"))
                .isInstanceOf(UnforwardableEntryException.class);
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return new java.util.TreeMap<>(headers);
    }
}
