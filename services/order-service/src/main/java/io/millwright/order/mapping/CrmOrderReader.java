package io.millwright.order.mapping;

import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.rest.FieldPaths;
import io.millwright.model.common.ModelJson;
import io.millwright.order.rest.OrderRequest;

/** Reads and validates an order message from the CRM topic; anything unreadable or invalid is not retryable. */
@ApplicationScoped
public class CrmOrderReader {

    @Inject
    Validator validator;

    public OrderRequest read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new NonRetryableException("Empty CRM order message");
        }
        OrderRequest request;
        try {
            request = ModelJson.mapper().readValue(body, OrderRequest.class);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? FieldPaths.describe(json) : e.getMessage();
            throw new NonRetryableException("CRM order message is not a readable order: " + reason, e);
        }
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            String errors = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new NonRetryableException("CRM order message is invalid: " + errors);
        }
        return request;
    }
}
