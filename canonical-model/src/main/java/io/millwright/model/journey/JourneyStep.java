package io.millwright.model.journey;

import java.time.Instant;
import java.util.List;

/**
 * One step of a business transaction as one service saw it: which system acted (CRM, ERP, MES, WMS, QMS, EAM, PLC or
 * the service itself), when, what happened and how it ended, with the correlation and trace ids to follow it in logs
 * and traces, the object it is about and the objects it leads to.
 *
 * @param service   the service that recorded it (order-service, ...)
 * @param system    the system the step happened in or with
 * @param step      the service's own name for the step (CONFIRMED_BY_ERP, CONFIRMATION_POSTED, ...)
 * @param outcome   {@link Outcome}: done, waiting, failed or information
 * @param subject   the object the step belongs to
 * @param links     objects the step leads to (its sales order, production orders, lots, incidents)
 */
public record JourneyStep(String service, String system, String step, String detail, Instant at, Outcome outcome,
        String correlationId, String traceId, JourneyKey subject, List<JourneyKey> links) {

    public enum Outcome {
        DONE, WAITING, FAILED, INFO
    }

    public JourneyStep {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
