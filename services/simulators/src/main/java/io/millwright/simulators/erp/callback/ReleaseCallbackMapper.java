package io.millwright.simulators.erp.callback;

import java.math.BigDecimal;
import java.time.ZoneOffset;

import io.millwright.erp.callback.contract.ProductionComponent;
import io.millwright.erp.callback.contract.ProductionOperation;
import io.millwright.erp.callback.contract.ProductionOrder;
import io.millwright.erp.callback.contract.Quantity;
import io.millwright.erp.callback.contract.ReleaseProductionOrderRequest;
import io.millwright.simulators.erp.persistence.ProductionComponentEntity;
import io.millwright.simulators.erp.persistence.ProductionOperationEntity;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;

/** A production order as erp-callback.wsdl carries it (the same fields ListReleasedProductionOrders answers). */
public final class ReleaseCallbackMapper {

    private ReleaseCallbackMapper() {
    }

    public static ReleaseProductionOrderRequest request(ProductionOrderEntity entity) {
        ProductionOrder order = new ProductionOrder();
        order.setProductionOrderNumber(entity.productionOrderNumber);
        order.setItemId(entity.itemId);
        order.setPlant(entity.plant);
        order.setQuantity(quantity(entity.quantity, entity.unitOfMeasure));
        order.setLot(entity.lot);
        order.setSalesOrderNumber(entity.salesOrderNumber);
        order.setDueDate(entity.dueDate.atOffset(ZoneOffset.UTC));
        order.setReleasedAt(entity.releasedAt);
        order.setStatus(entity.status);
        for (ProductionOperationEntity op : entity.operations) {
            ProductionOperation operation = new ProductionOperation();
            operation.setOperationNumber(op.operationNumber);
            operation.setDescription(op.description);
            operation.setWorkCenter(op.workCenter);
            operation.setResourceId(op.resourceId);
            operation.setPlannedQuantity(quantity(op.plannedQuantity, op.unitOfMeasure));
            order.getOperation().add(operation);
        }
        for (ProductionComponentEntity comp : entity.components) {
            ProductionComponent component = new ProductionComponent();
            component.setItemId(comp.itemId);
            component.setOperationNumber(comp.operationNumber);
            component.setRequiredQuantity(quantity(comp.requiredQuantity, comp.unitOfMeasure));
            component.setLot(comp.lot);
            order.getComponent().add(component);
        }
        ReleaseProductionOrderRequest request = new ReleaseProductionOrderRequest();
        request.setProductionOrder(order);
        return request;
    }

    private static Quantity quantity(BigDecimal value, String unitOfMeasure) {
        Quantity quantity = new Quantity();
        quantity.setValue(value);
        quantity.setUnitOfMeasure(unitOfMeasure);
        return quantity;
    }
}
