package io.millwright.simulators.erp.mapping;

import java.math.BigDecimal;
import java.time.ZoneOffset;

import io.millwright.erp.contract.Customer;
import io.millwright.erp.contract.Item;
import io.millwright.erp.contract.ProductionComponent;
import io.millwright.erp.contract.ProductionOperation;
import io.millwright.erp.contract.ProductionOrder;
import io.millwright.erp.contract.Quantity;
import io.millwright.erp.contract.SalesOrder;
import io.millwright.erp.contract.SalesOrderLine;
import io.millwright.erp.contract.StockBalance;
import io.millwright.erp.contract.StockStatus;
import io.millwright.simulators.erp.persistence.CustomerEntity;
import io.millwright.simulators.erp.persistence.ItemEntity;
import io.millwright.simulators.erp.persistence.ProductionComponentEntity;
import io.millwright.simulators.erp.persistence.ProductionOperationEntity;
import io.millwright.simulators.erp.persistence.ProductionOrderEntity;
import io.millwright.simulators.erp.persistence.SalesOrderEntity;
import io.millwright.simulators.erp.persistence.SalesOrderLineEntity;
import io.millwright.simulators.erp.persistence.StockBalanceEntity;

/** Simulator tables → the JAXB types of erp.wsdl. */
public final class ErpContractMapper {

    private ErpContractMapper() {
    }

    public static Quantity quantity(BigDecimal value, String unitOfMeasure) {
        Quantity quantity = new Quantity();
        quantity.setValue(value);
        quantity.setUnitOfMeasure(unitOfMeasure);
        return quantity;
    }

    public static Customer customer(CustomerEntity entity) {
        Customer customer = new Customer();
        customer.setCustomerId(entity.customerId);
        customer.setName(entity.name);
        customer.setPaymentTerms(entity.paymentTerms);
        customer.setCurrency(entity.currency);
        customer.setCreditLimit(entity.creditLimit);
        customer.setCreditBlocked(entity.creditBlocked);
        return customer;
    }

    public static Item item(ItemEntity entity) {
        Item item = new Item();
        item.setItemId(entity.itemId);
        item.setDescription(entity.description);
        item.setItemType(entity.itemType);
        item.setBaseUnitOfMeasure(entity.baseUnitOfMeasure);
        item.setListPrice(entity.listPrice);
        item.setCurrency(entity.currency);
        return item;
    }

    public static StockBalance stockBalance(StockBalanceEntity entity) {
        StockBalance balance = new StockBalance();
        balance.setItemId(entity.itemId);
        balance.setPlant(entity.plant);
        balance.setLocation(entity.location);
        balance.setLot(entity.lot);
        balance.setStatus(StockStatus.fromValue(entity.status));
        balance.setQuantity(quantity(entity.quantity, entity.unitOfMeasure));
        return balance;
    }

    public static SalesOrder salesOrder(SalesOrderEntity entity) {
        SalesOrder order = new SalesOrder();
        order.setSalesOrderNumber(entity.salesOrderNumber);
        order.setExternalReference(entity.externalReference);
        order.setCustomerId(entity.customerId);
        order.setCurrency(entity.currency);
        order.setRequestedDeliveryDate(entity.requestedDeliveryDate);
        order.setStatus(entity.status);
        for (SalesOrderLineEntity line : entity.lines) {
            SalesOrderLine contractLine = new SalesOrderLine();
            contractLine.setLineNumber(line.lineNumber);
            contractLine.setItemId(line.itemId);
            contractLine.setQuantity(quantity(line.quantity, line.unitOfMeasure));
            contractLine.setUnitPrice(line.unitPrice);
            order.getLine().add(contractLine);
        }
        return order;
    }

    public static ProductionOrder productionOrder(ProductionOrderEntity entity) {
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
        return order;
    }
}
