package io.millwright.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millwright.model.schema.JsonSchemas;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void namesAndDerivedUrisFollowTheConvention() {
        EventType type = EventType.ORDER_ACCEPTED;

        assertThat(type.type()).isEqualTo("io.millwright.order.accepted");
        assertThat(type.shortName()).isEqualTo("order.accepted");
        assertThat(type.version()).isEqualTo(1);
        assertThat(type.topic()).isEqualTo("millwright.order.events");
        assertThat(type.dataschema()).hasToString("https://millwright.io/schemas/events/order.accepted/v1.json");
        assertThat(type.schemaResource()).isEqualTo("schemas/events/order.accepted/v1.json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeIsWellFormedAndHasItsSchema(EventType type) {
        assertThat(type.shortName()).matches("(order|production|inventory|quality|maintenance|edge)(\\.[a-z]+(-[a-z]+)*)+");
        assertThat(type.shortName()).startsWith(domainOf(type.topic()) + ".");
        assertThat(Topics.ALL).contains(type.topic());
        assertThat(type.payloadClass()).matches(Class::isRecord, "is a record");
        assertThat(JsonSchemas.schemaDocument(type.schemaResource()).path("$id").asText())
                .isEqualTo(type.dataschema().toString());
        assertThat(EventType.fromType(type.type())).isSameAs(type);
    }

    @Test
    void everyTopicCarriesAtLeastOneEventType() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(EventType.onTopic(topic)).as(topic).isNotEmpty());
        assertThat(EventType.onTopic(Topics.EDGE_EVENTS))
                .containsExactly(EventType.EDGE_MACHINE_STATE_CHANGED, EventType.EDGE_MACHINE_ALERT_RAISED,
                        EventType.EDGE_MACHINE_ALERT_CLEARED);
    }

    @Test
    void payloadClassesAreUnique() {
        assertThat(Stream.of(EventType.values()).map(EventType::payloadClass)).doesNotHaveDuplicates();
    }

    @Test
    void unknownTypesAreRejected() {
        assertThatThrownBy(() -> EventType.fromType("io.millwright.order.exploded"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("io.millwright.order.exploded");
        assertThat(EventType.find(null)).isEmpty();
        assertThat(EventType.find("com.example.order.accepted")).isEmpty();
    }

    private static String domainOf(String topic) {
        String[] parts = topic.split("\\.");
        return Arrays.asList(parts).contains("edge") ? "edge" : parts[1];
    }
}
