package io.millwright.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millwright.model.common.ModelJson;
import io.millwright.model.schema.SchemaCompatibility.BreakingChange;
import io.millwright.model.schema.SchemaCompatibility.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checker catches each kind of break, and lets compatible evolution through. */
class SchemaCompatibilityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "property-removed.json,        PROPERTY_REMOVED,   $.shipment.carrier",
            "type-changed.json,            TYPE_CHANGED,       $.lines[].lineNumber",
            "newly-required.json,          NEWLY_REQUIRED,     $.shipment.carrier",
            "newly-required-new-field.json, NEWLY_REQUIRED,    $.priority",
            "enum-value-removed.json,      ENUM_VALUE_REMOVED, $.status",
            "nullable-enum-value-removed.json, ENUM_VALUE_REMOVED, $.previousStatus",
            "made-nullable.json,           TYPE_CHANGED,       $.orderId",
            "format-changed.json,          FORMAT_CHANGED,     $.acceptedAt",
            "ref-target-changed.json,      TYPE_CHANGED,       $.total.amount",
    })
    void detectsEachKindOfBreak(String candidate, Kind kind, String path) throws IOException {
        List<BreakingChange> changes = SchemaCompatibility.check(fixture("released.json"), fixture(candidate));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(kind);
            assertThat(change.path()).isEqualTo(path);
        });
    }

    @Test
    void compatibleEvolutionHasNoBreakingChanges() throws IOException {
        assertThat(SchemaCompatibility.check(fixture("released.json"), fixture("compatible-additions.json"))).isEmpty();
    }

    @Test
    void aSchemaIsCompatibleWithItself() throws IOException {
        JsonNode released = fixture("released.json");

        assertThat(SchemaCompatibility.check(released, released)).isEmpty();
    }

    @Test
    void reportsEveryBreakInOneRun() throws IOException {
        List<BreakingChange> changes = SchemaCompatibility.check(fixture("released.json"), fixture("many-breaks.json"));

        assertThat(changes).extracting(BreakingChange::kind).containsExactlyInAnyOrder(
                Kind.PROPERTY_REMOVED, Kind.TYPE_CHANGED, Kind.ENUM_VALUE_REMOVED, Kind.FORMAT_CHANGED);
        assertThat(changes).allSatisfy(change -> assertThat(change.toString()).contains(change.path()));
    }

    private static JsonNode fixture(String name) throws IOException {
        String resource = "fixtures/compat/" + name;
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return ModelJson.mapper().readTree(in);
        }
    }
}
