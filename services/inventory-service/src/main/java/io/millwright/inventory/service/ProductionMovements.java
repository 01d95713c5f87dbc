package io.millwright.inventory.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cloudevents.CloudEvent;
import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.mapping.ConfirmationMovementMapper;
import io.millwright.kit.event.InboundEventReader;
import io.millwright.model.production.ConfirmationPosted;

/**
 * I2: confirmations posted by production-service become goods movements — output lots received, components
 * issued. Idempotent twice over: the route drops a repeated event id, and the movement id (from the
 * confirmation id) makes a replay under another event id a no-op.
 */
@ApplicationScoped
public class ProductionMovements {

    private static final Logger LOG = Logger.getLogger(ProductionMovements.class);

    @Inject
    MovementIntake intake;

    @Inject
    InventoryConfig config;

    @Transactional
    public void onConfirmationPosted(CloudEvent event) {
        ConfirmationPosted posted = InboundEventReader.data(event, ConfirmationPosted.class);
        String componentLocation = config.production().componentLocations()
                .getOrDefault(posted.confirmation().itemId(), config.production().componentLocation());
        Optional<MovementRequest> movement = ConfirmationMovementMapper.toMovement(posted, config.plantId(),
                config.production().receivingLocation(), componentLocation);
        if (movement.isEmpty()) {
            LOG.debugf("Confirmation %s (%s) moves no stock", posted.confirmation().confirmationId(), posted.confirmation().kind());
            return;
        }
        boolean booked = intake.bookFromMessage(movement.get());
        LOG.infof("Confirmation %s: movement %s %s", posted.confirmation().confirmationId(), movement.get().movementId(),
                booked ? "booked" : "already booked");
    }
}
