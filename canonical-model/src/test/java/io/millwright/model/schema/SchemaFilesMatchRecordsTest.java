package io.millwright.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millwright.model.event.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The committed schema files are exactly what the records generate. After changing a record, run
 * {@code ./mvnw -o install -pl canonical-model -Dmillwright.schemas.write=true} to regenerate them,
 * and review the diff (the baseline test then tells whether the change is compatible).
 */
class SchemaFilesMatchRecordsTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    private static final boolean WRITE = Boolean.getBoolean("millwright.schemas.write");

    @TestFactory
    Stream<DynamicTest> eventSchemaFilesMatchPayloadRecords() {
        return Stream.of(EventType.values()).map(type -> DynamicTest.dynamicTest(type.shortName(),
                () -> check(type.schemaResource(), RecordSchemaGenerator.forEvent(type))));
    }

    @TestFactory
    Stream<DynamicTest> entitySchemaFilesMatchEntityRecords() {
        return Stream.of(EntityType.values()).map(type -> DynamicTest.dynamicTest(type.entityName(),
                () -> check(type.schemaResource(), RecordSchemaGenerator.forEntity(type))));
    }

    @Test
    void noSchemaFileWithoutARecord() throws IOException {
        List<String> expected = new ArrayList<>();
        Stream.of(EventType.values()).forEach(t -> expected.add(t.schemaResource()));
        Stream.of(EntityType.values()).forEach(t -> expected.add(t.schemaResource()));
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("schemas"))) {
            List<String> present = files.filter(Files::isRegularFile)
                    .map(p -> RESOURCES.relativize(p).toString().replace('\\', '/'))
                    .toList();
            // Superseded versions (v1 after a v2 exists) stay published for old events still on the topics.
            List<String> orphans = present.stream()
                    .filter(p -> !expected.contains(p))
                    .filter(p -> expected.stream().noneMatch(e -> sameDirectory(e, p)))
                    .toList();
            assertThat(orphans).as("schema files that no EventType/EntityType produces").isEmpty();
        }
    }

    @Test
    void generatedSchemaMarksNullableComponentsOptionalAndTypesPrecisely() {
        JsonNode schema = RecordSchemaGenerator.forEvent(EventType.ORDER_ACCEPTED);
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactly("orderId", "crmOrderId", "customerId", "lines", "total", "acceptedAt");
        JsonNode properties = schema.path("properties");
        assertThat(properties.path("acceptedAt").path("format").asText()).isEqualTo("date-time");
        assertThat(properties.path("requestedDeliveryDate").path("format").asText()).isEqualTo("date");
        assertThat(properties.path("total").path("properties").path("amount").path("type").asText())
                .isEqualTo("number");
        assertThat(properties.path("lines").path("items").path("properties").path("lineNumber").path("type")
                .asText()).isEqualTo("integer");
        JsonNode status = RecordSchemaGenerator.forEntity(EntityType.INVENTORY_BALANCE).path("properties").path("status");
        assertThat(status.path("type").asText()).isEqualTo("string");
        assertThat(status.path("enum")).extracting(JsonNode::asText)
                .containsExactly("UNRESTRICTED", "QUALITY_HOLD", "BLOCKED");
    }

    private static void check(String resource, JsonNode generated) throws IOException {
        String expected = RecordSchemaGenerator.toText(generated);
        Path file = RESOURCES.resolve(resource);
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(file).as("schema file %s (regenerate with -Dmillwright.schemas.write=true)", resource).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is out of date with its record (regenerate with -Dmillwright.schemas.write=true)", resource)
                .isEqualTo(expected);
    }

    private static boolean sameDirectory(String a, String b) {
        return a.substring(0, a.lastIndexOf('/')).equals(b.substring(0, b.lastIndexOf('/')));
    }
}
