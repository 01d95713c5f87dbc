package io.millwright.simulators.erp.service;

import java.util.List;

import org.jboss.logging.Logger;

import io.millwright.simulators.erp.persistence.ErpCallEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The record of every SOAP call received, which tests read through {@code GET /sim/erp/calls}. */
@ApplicationScoped
public class ErpCallLog {

    private static final Logger LOG = Logger.getLogger(ErpCallLog.class);

    /** In its own transaction: a call is recorded even when the operation's transaction rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ErpCall call, CallOutcome outcome) {
        record(call, outcome, null);
    }

    /** As above, with the answer or error of an outbound call. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ErpCall call, CallOutcome outcome, String detail) {
        ErpCallEntity entity = new ErpCallEntity();
        entity.operation = call.operation() == null ? "UNKNOWN" : clip(call.operation(), 60);
        entity.receivedAt = call.receivedAt();
        entity.outcome = outcome.name();
        entity.businessKey = clip(call.businessKey(), 200);
        entity.correlationId = clip(call.correlationId(), 200);
        entity.traceparent = clip(call.traceparent(), 200);
        entity.detail = clip(detail, 1000);
        entity.persist();
        LOG.debugf("ERP call %s key=%s correlation=%s -> %s", entity.operation, call.businessKey(),
                call.correlationId(), outcome);
    }

    /** Header values come from callers: cut them to the column size rather than lose the entry. */
    private static String clip(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    @Transactional
    public List<AdminViews.Call> list(String operation) {
        return ErpCallEntity.listByOperation(operation).stream().map(AdminViews.Call::of).toList();
    }
}
