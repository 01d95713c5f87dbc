package io.millwright.model.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.millwright.model.common.ModelJson;
import io.millwright.model.event.EventType;
import io.millwright.model.order.OrderAccepted;
import io.millwright.model.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every record's sample serialises to JSON its schema accepts and reads back equal; broken JSON is rejected. */
class RecordsMatchTheirSchemasTest {

    private static final ObjectMapper JSON = ModelJson.mapper();

    @TestFactory
    Stream<DynamicTest> everyEventPayloadRoundTripsThroughItsSchema() {
        return Stream.of(EventType.values()).map(type -> DynamicTest.dynamicTest(type.shortName(),
                () -> assertRoundTrip(type.payloadClass(), type.schemaResource())));
    }

    @TestFactory
    Stream<DynamicTest> everyEntityRoundTripsThroughItsSchema() {
        return Stream.of(EntityType.values()).map(type -> DynamicTest.dynamicTest(type.entityName(),
                () -> assertRoundTrip(type.recordClass(), type.schemaResource())));
    }

    @Test
    void orderAcceptedWireFormatMatchesTheDocumentedExample() throws IOException {
        JsonNode expected = fixture("fixtures/json/order.accepted.json");

        JsonNode actual = JSON.readTree(JSON.writeValueAsBytes(Samples.ORDER_ACCEPTED));

        assertThat(actual).isEqualTo(expected);
        assertThat(JSON.treeToValue(expected, OrderAccepted.class)).isEqualTo(Samples.ORDER_ACCEPTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "fixtures/invalid/order.accepted-missing-customer-id.json, order.accepted, customerId",
            "fixtures/invalid/order.accepted-quantity-as-text.json, order.accepted, $.lines[0].quantity.value",
            "fixtures/invalid/order.accepted-bad-timestamp.json, order.accepted, $.acceptedAt",
            "fixtures/invalid/edge.telemetry.sampled-unknown-quality.json, edge.telemetry.sampled, $.quality",
            "fixtures/invalid/inventory.stock-status.changed-missing-new-status.json, inventory.stock-status.changed, newStatus",
    })
    void invalidPayloadFailsValidationNamingTheField(String fixture, String shortName, String field) throws IOException {
        EventType type = EventType.fromType(EventType.TYPE_PREFIX + shortName);

        assertThat(JsonSchemas.validate(type, fixture(fixture)))
                .as("validation errors")
                .isNotEmpty()
                .anySatisfy(error -> assertThat(error).contains(field));
    }

    @Test
    void missingRequiredFieldIsAlsoRejectedWhenReadingTheRecord() {
        assertThatThrownBy(() -> JSON.treeToValue(fixture("fixtures/invalid/order.accepted-missing-customer-id.json"),
                OrderAccepted.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("customerId is required");
    }

    @Test
    void unknownPropertiesAreToleratedBySchemaAndReader() throws IOException {
        JsonNode json = fixture("fixtures/json/order.accepted.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("addedInAFutureMinorRelease", "x");

        assertThat(JsonSchemas.validate(EventType.ORDER_ACCEPTED, json)).isEmpty();
        assertThat(JSON.treeToValue(json, OrderAccepted.class)).isEqualTo(Samples.ORDER_ACCEPTED);
    }

    private static void assertRoundTrip(Class<?> type, String schemaResource) throws IOException {
        Object sample = Samples.of(type);

        byte[] json = JSON.writeValueAsBytes(sample);

        assertThat(JsonSchemas.validate(schemaResource, JSON.readTree(json))).as("schema violations").isEmpty();
        Object read = JSON.readValue(json, type);
        assertThat(read).isEqualTo(sample);
        assertThat(read).usingRecursiveComparison().isEqualTo(sample);
    }

    private static JsonNode fixture(String resource) throws IOException {
        try (InputStream in = RecordsMatchTheirSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
