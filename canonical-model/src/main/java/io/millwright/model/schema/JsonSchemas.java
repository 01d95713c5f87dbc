package io.millwright.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.millwright.model.common.ModelJson;
import io.millwright.model.common.Require;
import io.millwright.model.event.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas (draft 2020-12) and validation against them. Schema ids under
 * {@code https://millwright.io/schemas/} are served from this jar's {@code schemas/} resources, so
 * validation never goes to the network.
 */
public final class JsonSchemas {

    public static final String SCHEMA_BASE_URI = EventType.SCHEMA_BASE_URI;
    public static final String RESOURCE_ROOT = "schemas/";

    private static final ClassLoader CLASS_LOADER = JsonSchemas.class.getClassLoader();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> {
                String resource = resourceFor(URI.create(iri.toString())).orElse(null);
                URL url = resource == null ? null : CLASS_LOADER.getResource(resource);
                return url == null ? null : url::openStream;
            })));

    // Format is only an annotation in 2020-12 unless asserted; a malformed timestamp must fail here, not in a consumer.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonNode> SCHEMA_NODES = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    public static JsonSchema schema(EventType type) {
        return schema(Require.nonNull(type, "type").schemaResource());
    }

    public static JsonSchema schema(EntityType type) {
        return schema(Require.nonNull(type, "type").schemaResource());
    }

    /**
     * @param schemaResource classpath resource such as {@code schemas/events/order.accepted/v1.json}
     * @throws IllegalArgumentException if there is no such schema in this jar
     */
    public static JsonSchema schema(String schemaResource) {
        JsonSchema known = schemaResource == null ? null : SCHEMAS.get(schemaResource);
        if (known != null) {
            // Every event written and read is validated: a cached schema costs no classpath lookup.
            return known;
        }
        String resource = checkedResource(schemaResource);
        JsonSchema loaded = SCHEMAS.computeIfAbsent(resource, r -> {
            JsonSchema schema = FACTORY.getSchema(
                    SchemaLocation.of(SCHEMA_BASE_URI + r.substring(RESOURCE_ROOT.length())), CONFIG);
            // Validators are otherwise built lazily on first use; build them now, before the schema is shared across threads.
            schema.initializeValidators();
            return schema;
        });
        // also under the name it was asked by (with or without a leading slash)
        SCHEMAS.putIfAbsent(schemaResource, loaded);
        return loaded;
    }

    /** The schema document itself, e.g. for compatibility checks or catalog generation. Do not modify it. */
    public static JsonNode schemaDocument(String schemaResource) {
        String resource = checkedResource(schemaResource);
        return SCHEMA_NODES.computeIfAbsent(resource, r -> {
            try (InputStream in = CLASS_LOADER.getResourceAsStream(r)) {
                return ModelJson.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema " + r, e);
            }
        });
    }

    /** Maps a {@code https://millwright.io/schemas/...} id to its classpath resource; empty for any other URI. */
    public static Optional<String> resourceFor(URI schemaId) {
        String id = schemaId == null ? "" : schemaId.toString();
        if (!id.startsWith(SCHEMA_BASE_URI) || id.length() == SCHEMA_BASE_URI.length()) {
            return Optional.empty();
        }
        return Optional.of(RESOURCE_ROOT + id.substring(SCHEMA_BASE_URI.length()));
    }

    /** Human-readable violations of the type's current schema; empty means valid. */
    public static List<String> validate(EventType type, byte[] json) {
        Require.nonNull(type, "type");
        JsonNode node;
        try {
            node = ModelJson.mapper().readTree(Require.nonNull(json, "json"));
        } catch (IOException e) {
            return List.of("not valid JSON: " + e.getMessage());
        }
        return validate(type.schemaResource(), node);
    }

    public static List<String> validate(EventType type, JsonNode json) {
        return validate(Require.nonNull(type, "type").schemaResource(), json);
    }

    public static List<String> validate(EntityType type, JsonNode json) {
        return validate(Require.nonNull(type, "type").schemaResource(), json);
    }

    public static List<String> validate(String schemaResource, JsonNode json) {
        if (json == null || json.isMissingNode()) {
            return List.of("$: no JSON document");
        }
        return schema(schemaResource).validate(json).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /**
     * Validates an incoming event's data against the schema its {@code dataschema} names (so a consumer
     * checks each event against the version it was produced with), or the type's current schema when
     * {@code dataschema} is absent.
     */
    public static List<String> validate(CloudEvent event) {
        Require.nonNull(event, "event");
        Optional<EventType> type = EventType.find(event.getType());
        if (type.isEmpty()) {
            return List.of("unknown event type '" + event.getType() + "'");
        }
        String resource;
        if (event.getDataSchema() == null) {
            resource = type.get().schemaResource();
        } else {
            resource = resourceFor(event.getDataSchema()).orElse(null);
            if (resource == null || CLASS_LOADER.getResource(resource) == null) {
                return List.of("unknown dataschema " + event.getDataSchema());
            }
        }
        if (event.getData() == null) {
            return List.of("event has no data");
        }
        try {
            return validate(resource, ModelJson.mapper().readTree(event.getData().toBytes()));
        } catch (IOException e) {
            return List.of("data is not valid JSON: " + e.getMessage());
        }
    }

    private static String checkedResource(String schemaResource) {
        Require.nonBlank(schemaResource, "schemaResource");
        String resource = schemaResource.startsWith("/") ? schemaResource.substring(1) : schemaResource;
        if (!resource.startsWith(RESOURCE_ROOT) || CLASS_LOADER.getResource(resource) == null) {
            throw new IllegalArgumentException("no schema resource '" + schemaResource + "' in the canonical model");
        }
        return resource;
    }
}
