package io.millwright.inventory.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;

import io.millwright.inventory.config.InventoryConfig;
import io.millwright.inventory.persistence.BalanceEntity;
import io.millwright.inventory.persistence.ItemRecord;
import io.millwright.inventory.rest.AvailabilityView;
import io.millwright.inventory.rest.QuantityJson;
import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.model.inventory.StockStatus;

/** I1: how much of an item can be promised now — UNRESTRICTED stock of the plant, one indexed query. */
@ApplicationScoped
public class Availability {

    @Inject
    InventoryConfig config;

    @Transactional
    public AvailabilityView check(String itemId, String qty, String plantId) {
        BigDecimal requested = null;
        List<FieldError> errors = new java.util.ArrayList<>();
        if (itemId == null || itemId.isBlank()) {
            errors.add(new FieldError("item", "is required"));
        }
        if (qty == null || qty.isBlank()) {
            errors.add(new FieldError("qty", "is required"));
        } else {
            try {
                requested = new BigDecimal(qty.trim());
                if (requested.signum() <= 0) {
                    errors.add(new FieldError("qty", "must be greater than 0"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("qty", "must be a number"));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(errors);
        }
        String plant = plantId == null || plantId.isBlank() ? config.plantId() : plantId;
        ItemRecord item = ItemRecord.findById(itemId);
        if (item == null) {
            if (ItemRecord.count() == 0) {
                throw new ServiceUnavailableException("Items have not been replicated from ERP yet; retry shortly", 30L);
            }
            throw new NotFoundException("Unknown item " + itemId);
        }
        BigDecimal unrestricted = BalanceEntity.getEntityManager()
                .createQuery("select coalesce(sum(b.quantity), 0) from BalanceEntity b where b.itemId = ?1 and b.plantId = ?2 and b.status = ?3",
                        BigDecimal.class)
                .setParameter(1, itemId).setParameter(2, plant).setParameter(3, StockStatus.UNRESTRICTED)
                .getSingleResult();
        return new AvailabilityView(item.itemId, plant, QuantityJson.of(requested, item.baseUom), QuantityJson.of(unrestricted, item.baseUom),
                BalanceRules.covers(unrestricted, requested), Instant.now());
    }
}
