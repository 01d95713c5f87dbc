package io.millwright.order.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ServiceUnavailableException;

import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.order.persistence.CustomerRecord;
import io.millwright.order.persistence.ItemRecord;
import io.millwright.order.rest.OrderRequest;

/**
 * Business validation of a CRM order against master data replicated from ERP: customer known and allowed to
 * order (no credit block, currency, credit limit), items known, unit of measure and price as in the price list.
 * Field paths match the request JSON so the CRM can point at the offending field.
 */
@ApplicationScoped
public class OrderValidator {

    @Transactional
    public void validate(OrderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        CustomerRecord customer = CustomerRecord.findById(request.customerId());
        if (customer == null) {
            errors.add(new FieldError("customerId", "unknown customer " + request.customerId()));
        } else {
            if (customer.creditBlocked) {
                errors.add(new FieldError("customerId", "customer " + customer.customerId + " is blocked for new orders (credit block)"));
            }
            if (!customer.currency.equals(request.currency())) {
                errors.add(new FieldError("currency", "must be " + customer.currency + ", the currency agreed with the customer"));
            }
        }
        if (request.requestedDeliveryDate() != null && request.requestedDeliveryDate().isBefore(LocalDate.now(ZoneOffset.UTC))) {
            errors.add(new FieldError("requestedDeliveryDate", "must not be in the past"));
        }

        // by primary key, one lookup per distinct item: cheaper than one query with an IN list for the few lines of an order
        Map<String, ItemRecord> items = new HashMap<>();
        request.lines().stream().map(OrderRequest.Line::itemId).distinct().forEach(id -> {
            ItemRecord item = ItemRecord.findById(id);
            if (item != null) {
                items.put(id, item);
            }
        });
        if (items.size() < request.lines().stream().map(OrderRequest.Line::itemId).distinct().count() && ItemRecord.count() == 0) {
            throw new ServiceUnavailableException("Master data has not been replicated from ERP yet; retry shortly", 30L);
        }
        Set<Integer> lineNumbers = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            String path = "lines[" + i + "]";
            int lineNumber = line.lineNumber() == null ? i + 1 : line.lineNumber();
            if (!lineNumbers.add(lineNumber)) {
                errors.add(new FieldError(path + ".lineNumber", "duplicate line number " + lineNumber));
            }
            ItemRecord item = items.get(line.itemId());
            if (item == null) {
                errors.add(new FieldError(path + ".itemId", "unknown item " + line.itemId()));
                continue;
            }
            if (!item.baseUom.equals(line.unitOfMeasure())) {
                errors.add(new FieldError(path + ".unitOfMeasure", "must be " + item.baseUom + ", the item's base unit"));
            }
            if (!item.currency.equals(request.currency()) || item.listPrice.compareTo(line.unitPrice()) != 0) {
                errors.add(new FieldError(path + ".unitPrice", "does not match the price list: "
                        + price(item.listPrice) + " " + item.currency));
            }
            total = total.add(line.unitPrice().multiply(line.quantity()));
        }
        if (customer != null && !customer.creditBlocked && total.compareTo(customer.creditLimit) > 0) {
            errors.add(new FieldError("lines", "order total " + total.toPlainString() + " " + request.currency()
                    + " exceeds the customer's credit limit " + customer.creditLimit.toPlainString()));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(errors);
        }
    }

    private static String price(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }
}
