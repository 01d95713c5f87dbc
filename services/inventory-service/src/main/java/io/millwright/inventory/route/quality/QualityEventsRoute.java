package io.millwright.inventory.route.quality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.millwright.inventory.service.ItemMasterSync;
import io.millwright.inventory.service.QualityHoldEvents;
import io.millwright.kit.event.EventConsumers;
import io.millwright.model.event.EventType;
import io.millwright.model.event.Topics;

/**
 * I3: quality holds and releases from quality-service, deduplicated by event id (and by hold id in the service).
 * Started once items are known ({@link ItemMasterSync}).
 */
@ApplicationScoped
public class QualityEventsRoute extends RouteBuilder {

    @Inject
    EventConsumers events;

    @Inject
    QualityHoldEvents holds;

    @Override
    public void configure() {
        events.consume(this, Topics.QUALITY_EVENTS, "inventory-service.quality-holds", ItemMasterSync.QUALITY_EVENTS_ROUTE_ID, false,
                        EventType.QUALITY_HOLD_PLACED, EventType.QUALITY_HOLD_RELEASED)
                .bean(holds, "onEvent");
    }
}
