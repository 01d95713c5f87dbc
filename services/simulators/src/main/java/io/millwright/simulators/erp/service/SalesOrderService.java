package io.millwright.simulators.erp.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.millwright.erp.contract.CreateSalesOrderRequest;
import io.millwright.erp.contract.CreateSalesOrderResponse;
import io.millwright.erp.contract.GetSalesOrderRequest;
import io.millwright.erp.contract.GetSalesOrderResponse;
import io.millwright.erp.contract.SalesOrderLine;
import io.millwright.simulators.erp.fault.ErpRejectedException;
import io.millwright.simulators.erp.fault.FaultCodes;
import io.millwright.simulators.erp.mapping.ErpContractMapper;
import io.millwright.simulators.erp.persistence.CustomerEntity;
import io.millwright.simulators.erp.persistence.ItemEntity;
import io.millwright.simulators.erp.persistence.SalesOrderEntity;
import io.millwright.simulators.erp.persistence.SalesOrderLineEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class SalesOrderService {

    static final String STATUS_OPEN = "OPEN";

    @Inject
    IdempotencyLock lock;

    @Inject
    DocumentNumbers documentNumbers;

    /**
     * Creates the order unless one with the same externalReference exists; then that order's number comes back
     * with duplicate=true. Concurrent identical requests queue on the idempotency lock, so exactly one row is made.
     */
    @Transactional
    public CreateSalesOrderResponse create(CreateSalesOrderRequest request) {
        String externalReference = RequestChecks.text(request.getExternalReference(), "externalReference");
        lock.acquire("sales-order", externalReference);
        Optional<SalesOrderEntity> existing = SalesOrderEntity.byExternalReference(externalReference);
        if (existing.isPresent()) {
            return response(existing.get(), true);
        }

        CustomerEntity customer = CustomerEntity.findById(RequestChecks.text(request.getCustomerId(), "customerId"));
        if (customer == null) {
            throw new ErpRejectedException(FaultCodes.CUSTOMER_UNKNOWN,
                    "customer " + request.getCustomerId() + " does not exist");
        }
        if (customer.creditBlocked) {
            throw new ErpRejectedException(FaultCodes.CREDIT_BLOCKED,
                    "customer " + customer.customerId + " is blocked for credit");
        }
        if (request.getLine().isEmpty()) {
            throw new ErpRejectedException(FaultCodes.REQUEST_INVALID, "a sales order needs at least one line");
        }

        SalesOrderEntity order = new SalesOrderEntity();
        order.externalReference = externalReference;
        order.customerId = customer.customerId;
        order.currency = request.getCurrency() == null ? customer.currency : request.getCurrency();
        order.requestedDeliveryDate = request.getRequestedDeliveryDate();
        order.status = STATUS_OPEN;
        order.createdAt = Instant.now();
        List<SalesOrderLine> lines = request.getLine();
        for (int i = 0; i < lines.size(); i++) {
            order.addLine(line(lines.get(i), (i + 1) * 10));
        }
        order.salesOrderNumber = documentNumbers.next("SO-", "sales_order_number_seq");
        order.persist();
        return response(order, false);
    }

    @Transactional
    public GetSalesOrderResponse get(GetSalesOrderRequest request) {
        Optional<SalesOrderEntity> order;
        if (request.getSalesOrderNumber() != null) {
            order = SalesOrderEntity.byNumber(request.getSalesOrderNumber());
        } else if (request.getExternalReference() != null) {
            order = SalesOrderEntity.byExternalReference(request.getExternalReference());
        } else {
            throw new ErpRejectedException(FaultCodes.REQUEST_INVALID,
                    "salesOrderNumber or externalReference is required");
        }
        GetSalesOrderResponse response = new GetSalesOrderResponse();
        order.map(ErpContractMapper::salesOrder).ifPresent(response::setSalesOrder);
        return response;
    }

    @Transactional
    public List<AdminViews.SalesOrder> list(String externalReference) {
        return SalesOrderEntity.listAll(externalReference).stream().map(AdminViews.SalesOrder::of).toList();
    }

    private static SalesOrderLineEntity line(SalesOrderLine requested, int defaultLineNumber) {
        ItemEntity item = ItemEntity.findById(RequestChecks.text(requested.getItemId(), "line.itemId"));
        if (item == null) {
            throw new ErpRejectedException(FaultCodes.ITEM_UNKNOWN, "item " + requested.getItemId() + " does not exist");
        }
        BigDecimal quantity = RequestChecks.positive(requested.getQuantity(), "quantity of " + item.itemId);
        String unit = requested.getQuantity().getUnitOfMeasure();
        if (unit != null && !unit.equals(item.baseUnitOfMeasure)) {
            throw new ErpRejectedException(FaultCodes.UNIT_OF_MEASURE_INVALID,
                    "item " + item.itemId + " is sold in " + item.baseUnitOfMeasure + ", not " + unit);
        }
        SalesOrderLineEntity line = new SalesOrderLineEntity();
        line.lineNumber = requested.getLineNumber() > 0 ? requested.getLineNumber() : defaultLineNumber;
        line.itemId = item.itemId;
        line.quantity = quantity;
        line.unitOfMeasure = item.baseUnitOfMeasure;
        line.unitPrice = requested.getUnitPrice() == null ? item.listPrice : requested.getUnitPrice();
        return line;
    }

    private static CreateSalesOrderResponse response(SalesOrderEntity order, boolean duplicate) {
        CreateSalesOrderResponse response = new CreateSalesOrderResponse();
        response.setSalesOrderNumber(order.salesOrderNumber);
        response.setExternalReference(order.externalReference);
        response.setStatus(order.status);
        response.setDuplicate(duplicate);
        return response;
    }
}
