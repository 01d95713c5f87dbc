package io.millwright.kit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.production.ProductionOrderReleased;
import io.millwright.model.quality.QualityHoldReleased;

/** Reading CloudEvents off Camel Kafka exchanges as the consumer hands them over (headers as byte arrays). */
class InboundEventReaderTest {

    private static CamelContext context;
    private final InboundEventReader reader = new InboundEventReader();

    @BeforeAll
    static void start() {
        context = new DefaultCamelContext();
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
    }

    @Test
    void readsTheEventTheProducerWrote() {
        QualityHoldReleased released = new QualityHoldReleased("H-1", "1000", List.of("LOT-7"), "QR-2", "Retest passed",
                Instant.parse("2026-11-23T08:00:00Z"));
        CloudEvent sent = DomainEvents.toCloudEvent(EventType.QUALITY_HOLD_RELEASED, DomainEvents.source("quality"),
                "evt-1", "H-1", released, Instant.parse("2026-11-23T08:00:01Z"), "corr-9", null);
        Exchange exchange = consumed(DomainEvents.toProducerRecord(sent));

        reader.describe(exchange);
        assertThat(exchange.getProperty(InboundEventReader.TYPE_PROPERTY)).isEqualTo(EventType.QUALITY_HOLD_RELEASED.type());
        assertThat(exchange.getProperty(InboundEventReader.ID_PROPERTY)).isEqualTo("evt-1");

        CloudEvent read = reader.read(exchange);
        assertThat(read.getId()).isEqualTo("evt-1");
        assertThat(read.getSubject()).isEqualTo("H-1");
        assertThat(read.getExtension(DomainEvents.CORRELATION_ID_EXTENSION)).isEqualTo("corr-9");
        assertThat(InboundEventReader.data(read, QualityHoldReleased.class)).isEqualTo(released);
    }

    @Test
    void anEventWithoutIdIsNotRetryable() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("ce_type", "quality.hold.released".getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setBody("{}".getBytes(StandardCharsets.UTF_8));

        reader.describe(exchange);
        assertThat(exchange.getProperty(InboundEventReader.ID_PROPERTY)).isNull();
        assertThatThrownBy(() -> reader.read(exchange))
                .isInstanceOf(NonRetryableException.class)
                .hasMessageContaining("without ce_id")
                .hasMessageContaining("quality.hold.released");
    }

    @Test
    void headersThatAreNoCloudEventAreNotRetryable() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("ce_id", "evt-2".getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setBody("not json".getBytes(StandardCharsets.UTF_8));

        reader.describe(exchange);
        assertThatThrownBy(() -> reader.read(exchange))
                .isInstanceOf(NonRetryableException.class)
                .hasMessageStartingWith("Not a readable CloudEvent");
    }

    @Test
    void dataOfAnotherShapeIsNotRetryable() {
        QualityHoldReleased released = new QualityHoldReleased("H-1", "1000", List.of("LOT-7"), null, "Retest passed",
                Instant.parse("2026-11-23T08:00:00Z"));
        CloudEvent event = DomainEvents.toCloudEvent(EventType.QUALITY_HOLD_RELEASED, DomainEvents.source("quality"),
                "evt-3", "H-1", released, Instant.now(), null, null);

        assertThatThrownBy(() -> InboundEventReader.data(event, ProductionOrderReleased.class))
                .isInstanceOf(NonRetryableException.class);
    }

    /** The exchange camel-kafka builds for a consumed record: headers stay byte arrays, key and topic as headers. */
    private static Exchange consumed(ProducerRecord<String, byte[]> record) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader(KafkaConstants.TOPIC, record.topic());
        exchange.getMessage().setHeader(KafkaConstants.PARTITION, 0);
        exchange.getMessage().setHeader(KafkaConstants.OFFSET, 42L);
        exchange.getMessage().setHeader(KafkaConstants.KEY, record.key());
        for (Header header : record.headers()) {
            exchange.getMessage().setHeader(header.key(), header.value());
        }
        exchange.getMessage().setBody(record.value());
        return exchange;
    }
}
