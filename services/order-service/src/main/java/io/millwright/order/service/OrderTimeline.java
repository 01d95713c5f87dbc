package io.millwright.order.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.millwright.kit.correlation.Correlation;
import io.millwright.kit.correlation.TraceContext;
import io.millwright.order.persistence.TimelineEntryEntity;

/** Records the steps of an order with the correlation and trace ids current when they happen. */
@ApplicationScoped
public class OrderTimeline {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String AVAILABILITY_CHECKED = "AVAILABILITY_CHECKED";
    public static final String AVAILABILITY_UNKNOWN = "AVAILABILITY_UNKNOWN";
    public static final String ERP_POSTING_FAILED = "ERP_POSTING_FAILED";
    public static final String CONFIRMED_BY_ERP = "CONFIRMED_BY_ERP";
    public static final String REJECTED_BY_ERP = "REJECTED_BY_ERP";
    public static final String CRM_NOTIFIED = "CRM_NOTIFIED";

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
