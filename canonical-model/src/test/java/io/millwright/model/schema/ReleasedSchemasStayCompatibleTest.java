package io.millwright.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millwright.model.common.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A released schema (a copy in {@code schema-baseline}) may only evolve compatibly. If this fails,
 * do not edit the baseline: restore the released file, add the change as v(N+1) and bump the version
 * in EventType/EntityType. When releasing, copy new schema files into the baseline.
 */
class ReleasedSchemasStayCompatibleTest {

    private static final Path BASELINE = Path.of("src/test/resources/schema-baseline");
    private static final Path CURRENT = SchemaFilesMatchRecordsTest.RESOURCES.resolve("schemas");

    @TestFactory
    Stream<DynamicTest> everyReleasedSchemaIsStillPublishedAndCompatible() throws IOException {
        return releasedSchemas().stream().map(relative -> DynamicTest.dynamicTest(relative.toString(), () -> {
            Path current = CURRENT.resolve(relative);
            assertThat(current).as("released schema %s must stay published", relative).exists();
            JsonNode released = read(BASELINE.resolve(relative));
            JsonNode candidate = read(current);

            assertThat(candidate.path("$id")).as("$id").isEqualTo(released.path("$id"));
            assertThat(SchemaCompatibility.check(released, candidate))
                    .as("breaking changes to released %s", relative)
                    .isEmpty();
        }));
    }

    @Test
    void baselineHoldsTheReleasedOrderContract() throws IOException {
        assertThat(releasedSchemas()).contains(Path.of("events/order.accepted/v1.json"),
                Path.of("events/order.confirmed/v1.json"), Path.of("events/order.rejected/v1.json"));
    }

    private static List<Path> releasedSchemas() throws IOException {
        try (Stream<Path> files = Files.walk(BASELINE)) {
            return files.filter(Files::isRegularFile).map(BASELINE::relativize).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return ModelJson.mapper().readTree(file.toFile());
    }
}
