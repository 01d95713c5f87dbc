package io.millwright.production.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.production.persistence.TimelineEntryEntity;

/** Records the steps of a production order with the correlation and trace ids current when they happen. */
@ApplicationScoped
public class ProductionTimeline {

    public static final String RELEASED = "RELEASED";
    public static final String RELEASE_RESENT = "RELEASE_RESENT";
    public static final String DISPATCH_FAILED = "DISPATCH_FAILED";
    public static final String DISPATCHED = "DISPATCHED";
    public static final String DISPATCH_REJECTED = "DISPATCH_REJECTED";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String CONFIRMATION_RECEIVED = "CONFIRMATION_RECEIVED";
    public static final String CONFIRMATION_INVALID = "CONFIRMATION_INVALID";
    public static final String CONFIRMATION_POSTING_FAILED = "CONFIRMATION_POSTING_FAILED";
    public static final String CONFIRMATION_POSTED = "CONFIRMATION_POSTED";
    public static final String CONFIRMATION_REJECTED_BY_ERP = "CONFIRMATION_REJECTED_BY_ERP";
    public static final String CLOSED = "CLOSED";

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String orderId, String step, String detail, String correlationId) {
        TimelineEntryEntity entry = new TimelineEntryEntity();
        entry.orderId = orderId;
        entry.step = step;
        entry.detail = detail;
        entry.at = Instant.now();
        entry.correlationId = correlationId == null ? Correlation.current() : correlationId;
        entry.traceId = TraceContext.traceId(TraceContext.currentTraceparent());
        entry.persist();
    }
}
