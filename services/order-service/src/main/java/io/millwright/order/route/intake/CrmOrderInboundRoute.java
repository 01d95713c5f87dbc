package io.millwright.order.route.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.kit.idempotency.IdempotentRepositories;
import io.millwright.kit.route.MillwrightRouteConfiguration;
import io.millwright.order.mapping.CrmOrderReader;
import io.millwright.order.service.MasterDataSync;
import io.millwright.order.service.OrderIntake;

/**
 * O1 over Kafka: CRM integrations that push instead of calling REST put orders (JSON, key = CRM order id) on the
 * CRM orders topic. Same validation and idempotency as REST; unreadable or invalid messages go to the dead-letter
 * store with the reason and the consumer moves on.
 */
@ApplicationScoped
public class CrmOrderInboundRoute extends RouteBuilder {

    @Inject
    CrmOrderReader reader;

    @Inject
    OrderIntake intake;

    public static final String PROCESSOR = MasterDataSync.CRM_INBOUND_ROUTE_ID;

    @Inject
    IdempotentRepositories idempotentRepositories;

    @Override
    public void configure() {
        from("kafka:{{millwright.order.crm-topic}}?groupId=order-service.crm-inbound")
                .routeId(PROCESSOR)
                // Started by MasterDataSync once customers and items are known: until then orders wait in Kafka.
                .autoStartup(false)
                .routeConfigurationId(MillwrightRouteConfiguration.ID)
                .bean(reader, "read")
                .setProperty(IdempotentRepositories.PROCESSOR_PROPERTY, constant(PROCESSOR))
                .setProperty(IdempotentRepositories.KEY_PROPERTY, simple("${body.crmOrderId}"))
                .idempotentConsumer(exchangeProperty(IdempotentRepositories.KEY_PROPERTY),
                        idempotentRepositories.forProcessor(PROCESSOR))
                    .bean(intake, "acceptMessage")
                .end();
    }
}
