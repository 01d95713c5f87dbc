package io.millwright.inventory.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.model.event.EventType;
import io.millwright.model.quality.QualityHold;
import io.millwright.model.quality.QualityHoldPlaced;
import io.millwright.model.quality.QualityHoldReleased;

/**
 * I3 from quality-service: {@code quality.hold.placed} and {@code quality.hold.released} applied as holds.
 * A hold for a lot inventory does not know yet is retried (the production receipt may still be on its way),
 * then dead-lettered; holds of other plants are not this service's and are skipped (logged and counted).
 */
@ApplicationScoped
public class QualityHoldEvents {

    private static final Logger LOG = Logger.getLogger(QualityHoldEvents.class);

    @Inject
    HoldService holds;

    @Inject
    InventoryConfig config;

    @Inject
    MeterRegistry registry;

    public void onEvent(CloudEvent event) {
        EventType type = EventType.find(event.getType()).orElseThrow();
        if (type == EventType.QUALITY_HOLD_PLACED) {
            placed(InboundEventReader.data(event, QualityHoldPlaced.class).hold());
        } else if (type == EventType.QUALITY_HOLD_RELEASED) {
            released(InboundEventReader.data(event, QualityHoldReleased.class));
        }
    }

    private void placed(QualityHold hold) {
        if (!ours(hold.plantId(), hold.holdId())) {
            return;
        }
        List<HoldCommand.LotRef> lots = hold.lotIds().stream().map(lot -> new HoldCommand.LotRef(null, lot)).toList();
        try {
            holds.place(new HoldCommand(hold.holdId(), hold.plantId(), lots, null, hold.reason(), HoldCommand.SOURCE_EVENT));
        } catch (HoldNotApplicableException e) {
            if (e.reason() == HoldNotApplicableException.Reason.LOT_UNKNOWN) {
                throw e;
            }
            throw new NonRetryableException("Hold " + hold.holdId() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private void released(QualityHoldReleased released) {
        if (!ours(released.plantId(), released.holdId())) {
            return;
        }
        try {
            holds.release(released.holdId(), released.reason());
        } catch (HoldNotApplicableException e) {
            throw new NonRetryableException("Release of hold " + released.holdId() + " cannot be applied: " + e.getMessage(), e);
        }
    }

    private boolean ours(String plantId, String holdId) {
        if (config.plantId().equals(plantId)) {
            return true;
        }
        registry.counter("millwright.inventory.quality.events.other.plant").increment();
        LOG.infof("Hold %s is for plant %s; this service keeps plant %s: skipped", holdId, plantId, config.plantId());
        return false;
    }
}
