package io.millwright.simulators.erp.service;

import java.math.BigDecimal;

import io.millwright.erp.contract.Quantity;
import io.millwright.simulators.erp.fault.ErpRejectedException;
import io.millwright.simulators.erp.fault.FaultCodes;

/** Checks for fields the WSDL marks required: CXF does not validate against the schema. */
final class RequestChecks {

    private RequestChecks() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ErpRejectedException(FaultCodes.REQUEST_INVALID, field + " is required");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new ErpRejectedException(FaultCodes.REQUEST_INVALID, field + " is required");
        }
        return value;
    }

    static BigDecimal positive(Quantity quantity, String field) {
        if (quantity == null || quantity.getValue() == null || quantity.getValue().signum() <= 0) {
            throw new ErpRejectedException(FaultCodes.QUANTITY_INVALID, field + " must be greater than zero");
        }
        return quantity.getValue();
    }

    static BigDecimal notNegative(Quantity quantity, String field) {
        if (quantity == null || quantity.getValue() == null || quantity.getValue().signum() < 0) {
            throw new ErpRejectedException(FaultCodes.QUANTITY_INVALID, field + " must not be negative");
        }
        return quantity.getValue();
    }
}
