package io.millwright.model.schema;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import io.millwright.model.common.Nullable;
import io.millwright.model.event.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the published schemas from the records. Output is deterministic: properties in record
 * component order, nested types inlined (each file stands alone), {@code \n} line endings.
 */
final class RecordSchemaGenerator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaGenerator GENERATOR = new SchemaGenerator(config().build());

    private RecordSchemaGenerator() {
    }

    static ObjectNode forEvent(EventType type) {
        return wrap(type.payloadClass(), type.dataschema().toString(), type.payloadClass().getSimpleName(),
                "Data of CloudEvents type " + type.type() + " (schema version " + type.version()
                        + ", Kafka topic " + type.topic() + ")");
    }

    static ObjectNode forEntity(EntityType type) {
        return wrap(type.recordClass(), type.schemaId().toString(), type.recordClass().getSimpleName(),
                "Millwright canonical entity " + type.entityName() + " (version " + type.version() + ")");
    }

    static String toText(JsonNode schema) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(schema) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode wrap(Class<?> type, String id, String title, String description) {
        ObjectNode generated = GENERATOR.generateSchema(type);
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
        schema.put("$id", id);
        schema.put("title", title);
        schema.put("description", description);
        generated.remove("$schema");
        schema.setAll(generated);
        return schema;
    }

    private static SchemaGeneratorConfigBuilder config() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(MAPPER, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.INLINE_ALL_SCHEMAS)
                .with(Option.FLATTENED_ENUMS);
        builder.forFields()
                .withRequiredCheck(field -> !isNullable(field))
                .withNullableCheck(field -> isNullable(field) ? Boolean.TRUE : null)
                // Constructors reject blank text, present or not; say so in the contract too.
                .withStringMinLengthResolver(field -> field.getType().getErasedType() == String.class ? 1 : null);
        builder.forTypesInGeneral()
                .withStringFormatResolver(scope -> {
                    Class<?> erased = scope.getType().getErasedType();
                    if (erased == Instant.class) {
                        return "date-time";
                    }
                    return erased == LocalDate.class ? "date" : null;
                })
                .withPropertySorter(RecordSchemaGenerator.inRecordComponentOrder());
        return builder;
    }

    private static boolean isNullable(MemberScope<?, ?> member) {
        return member.getAnnotationConsideringFieldAndGetter(Nullable.class) != null;
    }

    // Class.getRecordComponents() is specified to be in declaration order; getDeclaredFields() is not.
    private static Comparator<MemberScope<?, ?>> inRecordComponentOrder() {
        return Comparator.<MemberScope<?, ?>>comparingInt(RecordSchemaGenerator::componentIndex)
                .thenComparing(MemberScope::getSchemaPropertyName);
    }

    private static int componentIndex(MemberScope<?, ?> member) {
        Class<?> declaring = member.getDeclaringType().getErasedType();
        if (!declaring.isRecord()) {
            return Integer.MAX_VALUE;
        }
        List<String> names = Arrays.stream(declaring.getRecordComponents()).map(RecordComponent::getName).toList();
        int index = names.indexOf(member.getDeclaredName());
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
