package io.millwright.model.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.millwright.model.event.DomainEvents;
import io.millwright.model.event.EventType;
import io.millwright.model.samples.Samples;
import java.net.URI;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    private static final CloudEvent ORDER_ACCEPTED = DomainEvents.toCloudEvent(EventType.ORDER_ACCEPTED,
            DomainEvents.source("order-service"), "evt-1", "SO-7f3a9c", Samples.ORDER_ACCEPTED, Samples.T0, null, null);

    @Test
    void loadsTheSameCachedSchemaByTypeAndByResource() {
        assertThat(JsonSchemas.schema(EventType.ORDER_ACCEPTED))
                .isSameAs(JsonSchemas.schema("schemas/events/order.accepted/v1.json"));
        assertThat(JsonSchemas.schema(EntityType.SALES_ORDER))
                .isSameAs(JsonSchemas.schema("/schemas/entities/sales-order/v1.json"));
    }

    @Test
    void unknownSchemaResourceIsRejected() {
        assertThatThrownBy(() -> JsonSchemas.schema("schemas/events/order.exploded/v1.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order.exploded");
        assertThatThrownBy(() -> JsonSchemas.schema("META-INF/MANIFEST.MF"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsMillwrightSchemaIdsToClasspathResources() {
        assertThat(JsonSchemas.resourceFor(EventType.QUALITY_HOLD_PLACED.dataschema()))
                .contains("schemas/events/quality.hold.placed/v1.json");
        assertThat(JsonSchemas.resourceFor(URI.create("https://example.com/schemas/x.json"))).isEmpty();
    }

    @Test
    void bytesThatAreNotJsonAreReportedNotThrown() {
        assertThat(JsonSchemas.validate(EventType.ORDER_ACCEPTED, "{not json".getBytes(UTF_8)))
                .singleElement().asString().startsWith("not valid JSON");
    }

    @Test
    void validatesAnIncomingEventAgainstTheSchemaItNames() {
        assertThat(JsonSchemas.validate(ORDER_ACCEPTED)).isEmpty();

        CloudEvent broken = CloudEventBuilder.v1(ORDER_ACCEPTED)
                .withData("application/json", "{\"orderId\":\"SO-1\"}".getBytes(UTF_8)).build();
        assertThat(JsonSchemas.validate(broken)).anySatisfy(e -> assertThat(e).contains("crmOrderId"));

        CloudEvent fromTheFuture = CloudEventBuilder.v1(ORDER_ACCEPTED)
                .withDataSchema(URI.create("https://millwright.io/schemas/events/order.accepted/v9.json")).build();
        assertThat(JsonSchemas.validate(fromTheFuture)).singleElement().asString().contains("unknown dataschema");

        CloudEvent foreign = CloudEventBuilder.v1(ORDER_ACCEPTED).withType("com.example.thing.happened").build();
        assertThat(JsonSchemas.validate(foreign)).singleElement().asString().contains("com.example.thing.happened");
    }
}
