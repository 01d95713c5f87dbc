package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.millwright.simulators.erp.persistence.ItemEntity;
import io.millwright.simulators.erp.persistence.ProductionComponentEntity;
import io.millwright.simulators.erp.persistence.ProductionOperationEntity;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;
import io.millwright.simulators.erp.persistence.StockBalanceEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Production orders made the way an ERP's planning run makes them: the item's routing gives the operations, its
 * bill of material the components (quantity per unit times the order quantity), a new lot is numbered, and a
 * component lot is proposed from the oldest unrestricted stock. Releasing sets status RELEASED and releasedAt.
 */
@ApplicationScoped
public class ProductionPlanningService {

    public static final String DEFAULT_PLANT = "1000";
    static final int LEAD_TIME_DAYS = 7;

    @Inject
    EntityManager em;

    @Inject
    DocumentNumbers documentNumbers;

    /** Whether the item is made in house (has a routing): those get production orders from sales orders. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isManufactured(String itemId) {
        return !routing(itemId).isEmpty();
    }

    @Transactional
    public AdminViews.ProductionOrder create(String itemId, BigDecimal quantity, String salesOrderNumber, String plant,
            boolean release) {
        return AdminViews.ProductionOrder.of(createEntity(itemId, quantity, salesOrderNumber, plant, release));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ProductionOrderEntity createEntity(String itemId, BigDecimal quantity, String salesOrderNumber,
            String plant, boolean release) {
        if (itemId == null || itemId.isBlank()) {
            throw new IllegalArgumentException("itemId is required");
        }
        ItemEntity item = ItemEntity.findById(itemId);
        if (item == null) {
            throw new IllegalArgumentException("item " + itemId + " does not exist");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be greater than zero");
        }
        List<Object[]> operations = routing(itemId);
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("item " + itemId + " has no routing: it is not manufactured");
        }
        Instant now = Instant.now();
        ProductionOrderEntity order = new ProductionOrderEntity();
        order.productionOrderNumber = documentNumbers.next("PO-", "production_order_number_seq");
        order.itemId = item.itemId;
        order.plant = plant == null || plant.isBlank() ? DEFAULT_PLANT : plant;
        order.quantity = quantity;
        order.unitOfMeasure = item.baseUnitOfMeasure;
        order.lot = "L-" + item.itemId.replace("-", "") + "-" + documentNumbers.nextValue("production_lot_seq");
        order.salesOrderNumber = salesOrderNumber;
        order.dueDate = now.plus(LEAD_TIME_DAYS, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        order.status = ProductionOrderEntity.CREATED;
        order.origin = ProductionOrderEntity.ORIGIN_CREATED;
        if (release) {
            order.status = ProductionOrderEntity.RELEASED;
            order.releasedAt = now;
        }
        order.persist();
        for (Object[] row : operations) {
            ProductionOperationEntity operation = new ProductionOperationEntity();
            operation.productionOrderNumber = order.productionOrderNumber;
            operation.operationNumber = (String) row[0];
            operation.description = (String) row[1];
            operation.workCenter = (String) row[2];
            operation.resourceId = (String) row[3];
            operation.plannedQuantity = quantity;
            operation.unitOfMeasure = item.baseUnitOfMeasure;
            operation.persist();
            order.operations.add(operation);
        }
        for (Object[] row : billOfMaterial(itemId)) {
            ItemEntity componentItem = ItemEntity.findById(row[0]);
            ProductionComponentEntity component = new ProductionComponentEntity();
            component.productionOrderNumber = order.productionOrderNumber;
            component.itemId = componentItem.itemId;
            component.operationNumber = (String) row[1];
            component.requiredQuantity = ((BigDecimal) row[2]).multiply(quantity).setScale(3, RoundingMode.HALF_UP);
            component.unitOfMeasure = componentItem.baseUnitOfMeasure;
            component.lot = oldestUnrestrictedLot(componentItem.itemId, order.plant).orElse(null);
            component.persist();
            order.components.add(component);
        }
        return order;
    }

    /** Sets RELEASED (first release only) and returns the order to announce. Unknown number: IllegalArgumentException. */
    @Transactional
    public ProductionOrderEntity markReleased(String productionOrderNumber) {
        ProductionOrderEntity order = ProductionOrderEntity.findById(productionOrderNumber);
        if (order == null) {
            throw new IllegalArgumentException("production order " + productionOrderNumber + " does not exist");
        }
        if (!ProductionOrderEntity.RELEASED.equals(order.status)) {
            order.status = ProductionOrderEntity.RELEASED;
            order.releasedAt = Instant.now();
        }
        // load the lazy lists while the transaction is open: the caller maps them after it ends
        order.operations.size();
        order.components.size();
        return order;
    }

    @Transactional
    public List<AdminViews.ProductionOrder> list() {
        return ProductionOrderEntity.listAllOrdered().stream().map(AdminViews.ProductionOrder::of).toList();
    }

    @Transactional
    public Optional<AdminViews.ProductionOrder> find(String productionOrderNumber) {
        return ProductionOrderEntity.<ProductionOrderEntity>findByIdOptional(productionOrderNumber)
                .map(AdminViews.ProductionOrder::of);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> routing(String itemId) {
        return em.createNativeQuery("select operation_number, description, work_center, resource_id"
                + " from {h-schema}routing_operation where item_id = ?1 order by operation_number")
                .setParameter(1, itemId).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> billOfMaterial(String itemId) {
        return em.createNativeQuery("select component_item_id, operation_number, quantity_per_unit"
                + " from {h-schema}bom_component where item_id = ?1 order by operation_number, component_item_id")
                .setParameter(1, itemId).getResultList();
    }

    private static Optional<String> oldestUnrestrictedLot(String itemId, String plant) {
        return StockBalanceEntity.matching(List.of(itemId), plant).stream()
                .filter(balance -> "UNRESTRICTED".equals(balance.status) && balance.lot != null
                        && balance.quantity.signum() > 0)
                .map(balance -> balance.lot)
                .findFirst();
    }
}
