package io.millwright.kit.event;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ValueBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.model.event.EventType;

/**
 * The start every domain-event consumer shares: a Kafka topic read by the route's own consumer group, the default
 * error policy, the event described from its headers, events of other types passed by, repeats of a {@code ce_id}
 * dropped by the idempotent consumer (and counted, {@value #DUPLICATES_METRIC}), and the CloudEvent read. The caller continues with what the flow does:
 * <pre>
 * events.consume(this, Topics.PRODUCTION_EVENTS, "inventory-service.production-movements", ROUTE_ID,
 *                EventType.PRODUCTION_CONFIRMATION_POSTED)
 *       .bean(movements, "onConfirmationPosted");
 * </pre>
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    InboundEventReader reader;

    @Inject
    IdempotentRepositories idempotentRepositories;

    @Inject
    MeterRegistry metrics;

    /** Events dropped because their {@code ce_id} was taken before (a replay, a redelivery), per route. */
    public static final String DUPLICATES_METRIC = "millwright.events.duplicates";

    /** As {@link #consume(RouteBuilder, String, String, String, boolean, EventType...)}, started with the application. */
    public ProcessorDefinition<?> consume(RouteBuilder routes, String topic, String groupId, String routeId, EventType... types) {
        return consume(routes, topic, groupId, routeId, true, types);
    }

    /**
     * @param autoStartup false for a consumer that something else starts once the service is ready for it
     * @return the route inside the idempotent consumer, with the {@link io.cloudevents.CloudEvent} as body
     */
    public ProcessorDefinition<?> consume(RouteBuilder routes, String topic, String groupId, String routeId, boolean autoStartup,
            EventType... types) {
        RouteDefinition route = routes.from("kafka:" + topic + "?groupId=" + groupId + "&headerDeserializer=#" + TraceHeaders.BEAN)
                .routeId(routeId)
                .autoStartup(autoStartup)
                .routeConfigurationId(MillwrightRouteConfiguration.ID);
        return route
                .bean(reader, "describe")
                .filter(ofType(types))
                .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, routes.constant(routeId))
                .setProperty(IdempotentRepositories.KEY_PROPERTY, routes.exchangeProperty(InboundEventReader.ID_PROPERTY))
                .idempotentConsumer(routes.exchangeProperty(IdempotentRepositories.KEY_PROPERTY),
                        idempotentRepositories.forProcessor(routeId)).skipDuplicate(false)
                .filter(routes.exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                    .process(exchange -> metrics.counter(DUPLICATES_METRIC, "route", routeId).increment())
                    .stop()
                .end()
                .bean(reader, "read");
    }

    /** True for events of one of the given types, e.g. in a {@code choice()} after {@link #consume}. */
    public static Predicate ofType(EventType... types) {
        ValueBuilder type = new ValueBuilder(org.apache.camel.builder.Builder.exchangeProperty(InboundEventReader.TYPE_PROPERTY));
        return PredicateBuilder.or(Arrays.stream(types).map(t -> type.isEqualTo(t.type())).toArray(Predicate[]::new));
    }
}
