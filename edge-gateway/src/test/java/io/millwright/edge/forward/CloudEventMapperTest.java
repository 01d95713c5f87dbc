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
import io.cloudevents.core.builder.CloudEventBuilder;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Quantity;
import io.millwright.model.edge.AlertSeverity;
import io.millwright.model.edge.MachineAlert;
import io.millwright.model.edge.SampleQuality;
import io.millwright.model.edge.TelemetrySample;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

class CloudEventMapperTest {

    static final TelemetrySample SAMPLE = new TelemetrySample("plant-1", "plant-1/line-1", 42, "line-1", "line1.speed",
            new Quantity(new BigDecimal("1480"), "RPM"), null, SampleQuality.GOOD, null, Instant.parse("2026-11-22T10:15:30.123Z"));

    @Test
    void theRecordIsTheEventTheCloudEventsSdkWrites() throws Exception {
        byte[] json = ModelJson.mapper().writeValueAsBytes(SAMPLE);
        ProducerRecord<String, byte[]> record = CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), json, "plant-1",
                "plant-1/line-1", 42L, SAMPLE.sampledAt().toEpochMilli());
        // the same event built, schema-validated and encoded by the CloudEvents SDK
        CloudEvent sdkEvent = CloudEventBuilder.v1(DomainEvents.toCloudEvent(EventType.EDGE_TELEMETRY_SAMPLED,
                        DomainEvents.source("edge-gateway:plant-1"), "plant-1/line-1/42", "plant-1/line-1", SAMPLE, SAMPLE.sampledAt(), null, null))
                .withExtension(CloudEventMapper.SEQUENCE_EXTENSION, "42").build();
        ProducerRecord<String, byte[]> sdk = DomainEvents.toProducerRecord(sdkEvent);

        assertThat(record.topic()).isEqualTo(Topics.EDGE_TELEMETRY).isEqualTo(sdk.topic());
        assertThat(record.key()).isEqualTo("plant-1/line-1").isEqualTo(sdk.key());
        assertThat(headers(record)).isEqualTo(headers(sdk));
        CloudEvent event = DomainEvents.fromConsumerRecord(new ConsumerRecord<>(record.topic(), 0, 0, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, record.key(), record.value(), record.headers(),
                java.util.Optional.empty()));
        assertThat(event.getId()).isEqualTo("plant-1/line-1/42");
        assertThat(event.getExtension("sequence")).isEqualTo("42");
        assertThat(DomainEvents.data(event, TelemetrySample.class)).isEqualTo(SAMPLE);
    }

    @Test
    void aMachineEventStartsATraceThatAReplayKeeps() throws Exception {
        MachineAlert alert = new MachineAlert("plant-1", "plant-1/assets/press-1", 7, "press-1", "17", "Hydraulic pressure low",
                AlertSeverity.CRITICAL, "p1.fault", null, SAMPLE.sampledAt());
        byte[] json = ModelJson.mapper().writeValueAsBytes(alert);
        ProducerRecord<String, byte[]> record = CloudEventMapper.toRecord(EventType.EDGE_MACHINE_ALERT_RAISED.name(), json, "plant-1",
                "plant-1/assets/press-1", 7L, alert.raisedAt().toEpochMilli());
        String traceparent = headers(record).get("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("-0000000000000000-");
        assertThat(headers(record)).containsEntry("ce_traceparent", traceparent);
        // the same event sent again (a replay) is the same trace; the next event of the source is another
        assertThat(CloudEventMapper.traceparent("plant-1", "plant-1/assets/press-1", 7)).isEqualTo(traceparent);
        assertThat(CloudEventMapper.traceparent("plant-1", "plant-1/assets/press-1", 8)).isNotEqualTo(traceparent);
        CloudEvent event = DomainEvents.fromConsumerRecord(new ConsumerRecord<>(record.topic(), 0, 0, 0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, record.key(), record.value(), record.headers(),
                java.util.Optional.empty()));
        assertThat(event.getExtension("traceparent")).isEqualTo(traceparent);
        // telemetry starts no trace
        assertThat(headers(CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), ModelJson.mapper().writeValueAsBytes(SAMPLE),
                "plant-1", "plant-1/line-1", 42L, 0L))).doesNotContainKey("traceparent");
    }

    @Test
    void entriesThatCanNeverBeEventsAreUnforwardable() {
        assertThatThrownBy(() -> CloudEventMapper.toRecord("NO_SUCH_TYPE", utf8("{}"), "p", "p/c", 1L, 0L))
                .isInstanceOf(UnforwardableEntryException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), utf8(" "), "p", "p/c", 1L, 0L))
                .isInstanceOf(UnforwardableEntryException.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> CloudEventMapper.toRecord(EventType.EDGE_TELEMETRY_SAMPLED.name(), utf8("{}"), null, "p/c", 1L, 0L))
                .isInstanceOf(UnforwardableEntryException.class).hasMessageContaining("names no plant or source");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return new java.util.TreeMap<>(headers);
    }
}
