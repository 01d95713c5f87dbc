package io.millwright.production.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a released order unusable for the shop floor: missing identity, quantity or due date, no operations,
 * operations without a resource or planned quantity, components pointing at operations the order does not have.
 * Every problem is reported, with the path of the offending element.
 */
public final class ReleaseValidator {

    private ReleaseValidator() {
    }

    public static List<String> problems(ReleasedOrder order) {
        List<String> problems = new ArrayList<>();
        required(order.productionOrderNumber(), "productionOrderNumber", 50, problems);
        required(order.itemId(), "itemId", 50, problems);
        required(order.plantId(), "plant", 20, problems);
        required(order.lot(), "lot", 50, problems);
        longest(order.salesOrderNumber(), "salesOrderNumber", 50, problems);
        if (order.quantity() == null || order.quantity().signum() <= 0) {
            problems.add("quantity must be greater than zero");
        }
        required(order.unitOfMeasure(), "quantity.unitOfMeasure", 10, problems);
        if (order.dueDate() == null) {
            problems.add("dueDate is required");
        }
        if (order.status() != null && !order.status().isBlank() && !"RELEASED".equals(order.status())) {
            problems.add("status is " + order.status() + ", only RELEASED orders can be produced");
        }
        if (order.operations().isEmpty()) {
            problems.add("the order has no operations");
        }
        Set<String> operationNumbers = new HashSet<>();
        for (int i = 0; i < order.operations().size(); i++) {
            ReleasedOrder.Operation op = order.operations().get(i);
            String path = "operation[" + i + "]";
            required(op.operationNumber(), path + ".operationNumber", 20, problems);
            if (op.operationNumber() != null && !operationNumbers.add(op.operationNumber())) {
                problems.add(path + ".operationNumber " + op.operationNumber() + " appears twice");
            }
            required(op.description(), path + ".description", 200, problems);
            required(op.resourceId(), path + ".resourceId", 50, problems);
            longest(op.workCenterId(), path + ".workCenter", 50, problems);
            if (op.plannedQuantity() == null || op.plannedQuantity().signum() <= 0) {
                problems.add(path + ".plannedQuantity must be greater than zero");
            }
            required(op.unitOfMeasure(), path + ".plannedQuantity.unitOfMeasure", 10, problems);
        }
        for (int i = 0; i < order.components().size(); i++) {
            ReleasedOrder.Component c = order.components().get(i);
            String path = "component[" + i + "]";
            required(c.itemId(), path + ".itemId", 50, problems);
            longest(c.lot(), path + ".lot", 50, problems);
            if (c.requiredQuantity() == null || c.requiredQuantity().signum() <= 0) {
                problems.add(path + ".requiredQuantity must be greater than zero");
            }
            required(c.unitOfMeasure(), path + ".requiredQuantity.unitOfMeasure", 10, problems);
            if (c.operationNumber() != null && !operationNumbers.contains(c.operationNumber())) {
                problems.add(path + ".operationNumber " + c.operationNumber() + " is not an operation of the order");
            }
        }
        return problems;
    }

    private static void required(String value, String field, int maxLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else {
            longest(value, field, maxLength, problems);
        }
    }

    /** Longer values would not fit the database: refused here instead of failing the SOAP call (which ERP would retry forever). */
    private static void longest(String value, String field, int maxLength, List<String> problems) {
        if (value != null && value.length() > maxLength) {
            problems.add(field + " is longer than " + maxLength + " characters");
        }
    }
}
