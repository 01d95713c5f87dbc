package io.millwright.production.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.kit.rest.FieldError;
import io.millwright.kit.rest.UnprocessableEntityException;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.model.common.ModelJson;
import io.millwright.production.mapping.MesConfirmationMapper;
import io.millwright.production.mapping.MesConfirmationRequest;
import io.millwright.production.persistence.ConfirmationStatus;
import io.millwright.production.persistence.MesConfirmationEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * P3 intake: a structurally valid MES confirmation is stored as received (raw body kept) and answered at once; the
 * checks against the order, enrichment and ERP posting follow from the work queue ({@link ConfirmationPosting}). The
 * MES confirmationId is the key: a resend, even a concurrent one, stores nothing new.
 */
@ApplicationScoped
public class ConfirmationIntake {

    public record Result(String confirmationId, boolean duplicate) {
    }

    @Inject
    Validator validator;

    @Inject
    WorkQueues workQueues;

    /** @throws JsonProcessingException unreadable JSON (400) or a value of the wrong type (422) */
    public Result receive(String rawBody) throws JsonProcessingException {
        if (rawBody == null || rawBody.isBlank()) {
            throw new UnprocessableEntityException(List.of(new FieldError("(body)", "must not be empty")));
        }
        MesConfirmationRequest request = ModelJson.mapper().readValue(rawBody, MesConfirmationRequest.class);
        if (request == null) {
            throw new UnprocessableEntityException(List.of(new FieldError("(body)", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<ConstraintViolation<MesConfirmationRequest>> violations = validator.validate(request);
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        errors.addAll(MesConfirmationMapper.structuralErrors(request));
        if (!errors.isEmpty()) {
            throw new UnprocessableEntityException(errors);
        }
        try {
            // one transaction: a resend stores nothing new; a concurrent resend loses on the primary key below
            boolean stored = QuarkusTransaction.requiringNew().call(() -> {
                if (MesConfirmationEntity.findByIdOptional(request.confirmationId()).isPresent()) {
                    return false;
                }
                MesConfirmationEntity entity = MesConfirmationMapper.toEntity(request, rawBody);
                entity.status = ConfirmationStatus.RECEIVED;
                entity.receivedAt = Instant.now();
                entity.correlationId = Correlation.current();
                entity.traceparent = TraceContext.currentTraceparent();
                entity.persist();
                // Processed in arrival order per production order, right after this transaction commits.
                workQueues.enqueue(ProductionQueues.CONFIRMATION, entity.confirmationId, rawBody, entity.productionOrderId);
                return true;
            });
            return new Result(request.confirmationId(), !stored);
        } catch (RuntimeException e) {
            if (isDuplicateKey(e) && exists(request.confirmationId())) {
                return new Result(request.confirmationId(), true);
            }
            throw e;
        }
    }

    private static boolean exists(String confirmationId) {
        return QuarkusTransaction.requiringNew().call(() -> MesConfirmationEntity.findByIdOptional(confirmationId).isPresent());
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
