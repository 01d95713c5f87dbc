package io.millwright.simulators.eam.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.KeyLock;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.eam.persistence.EamStatusUpdateEntity;
import io.millwright.simulators.eam.persistence.EamWorkRequestEntity;

/**
 * The simulated EAM/CMMS: takes the work requests Millwright raises, once per externalId (its own id
 * {@code EAM-WR-000001} made the first time), and keeps every status update Millwright sends for them.
 */
@ApplicationScoped
public class EamService {

    private static final Logger LOG = Logger.getLogger(EamService.class);

    public static final int EXTERNAL_ID_MAX_LENGTH = 80;

    static final String OPEN = "OPEN";

    static final List<String> PRIORITIES = List.of("EMERGENCY", "HIGH", "MEDIUM", "LOW");

    static final List<String> STATUSES = List.of(OPEN, "IN_PROGRESS", "RESOLVED", "CLOSED", "CANCELLED");

    /** The optional texts of a work request, checked to be strings when present. */
    private static final List<String> OPTIONAL_TEXTS = List.of("incidentId", "plantId", "resourceId", "workCenterId", "costCenter",
            "faultCode", "productionOrderId");

    public record StatusUpdate(String status, String note, Instant at, Instant receivedAt, String traceparent) {
    }

    public record WorkRequest(String externalId, String workRequestId, String assetId, String status, Map<String, Object> payload,
            int deliveries, String traceparent, List<StatusUpdate> statusUpdates, Instant receivedAt, Instant lastReceivedAt) {
    }

    /** What the create endpoint did: created now or known before. */
    public record Receipt(WorkRequest workRequest, boolean created) {
    }

    /** Requests refused with 503 during an outage since the last reset (they reach no table). */
    private final AtomicLong refused = new AtomicLong();

    @Inject
    KeyLock lock;

    @Inject
    @Named("eam")
    Outage outage;

    @ConfigProperty(name = "millwright.sim.eam.webhook-secret")
    Optional<String> secret;

    public Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }

    public void countRefused() {
        refused.incrementAndGet();
    }

    public long refused() {
        return refused.get();
    }

    public FieldErrors validateWorkRequest(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        errors.storable(body, "");
        String externalId = errors.text(body, "externalId", "externalId");
        if (externalId != null && externalId.length() > EXTERNAL_ID_MAX_LENGTH) {
            errors.add("externalId", "must be at most " + EXTERNAL_ID_MAX_LENGTH + " characters");
        }
        errors.text(body, "assetId", "assetId");
        errors.text(body, "description", "description");
        if (!PRIORITIES.contains(body.get("priority"))) {
            errors.add("priority", "must be one of " + String.join(", ", PRIORITIES));
        }
        OPTIONAL_TEXTS.forEach(key -> errors.optionalText(body, key, key));
        errors.optionalInstant(body, "reportedAt", "reportedAt");
        errors.objects(body, "spareParts", "spareParts");
        return errors;
    }

    public FieldErrors validateStatusUpdate(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        errors.storable(body, "");
        if (!STATUSES.contains(body.get("status"))) {
            errors.add("status", "must be one of " + String.join(", ", STATUSES));
        }
        errors.optionalText(body, "note", "note");
        errors.optionalInstant(body, "at", "at");
        return errors;
    }

    /** Takes a work request once per externalId (concurrent twins wait for each other); a repeat counts the delivery. */
    @Transactional
    public Receipt open(Map<String, Object> body, String traceparent) {
        String externalId = (String) body.get("externalId");
        lock.acquire("eam-work-request", externalId);
        Instant now = Instant.now();
        EamWorkRequestEntity existing = EamWorkRequestEntity.findById(externalId);
        if (existing != null) {
            existing.deliveries++;
            existing.lastReceivedAt = now;
            return new Receipt(view(existing, updatesOf(externalId)), false);
        }
        EamWorkRequestEntity created = new EamWorkRequestEntity();
        created.externalId = externalId;
        created.workRequestId = String.format("EAM-WR-%06d", lock.nextValue("eam_sim.work_request_seq"));
        created.assetId = (String) body.get("assetId");
        created.status = OPEN;
        created.payload = body;
        created.deliveries = 1;
        created.traceparent = blankToNull(traceparent);
        created.receivedAt = now;
        created.lastReceivedAt = now;
        created.persist();
        LOG.infof("EAM work request %s for asset %s (%s)", created.workRequestId, created.assetId, externalId);
        return new Receipt(view(created, List.of()), true);
    }

    /** Appends a status update to a work request's history; empty when the externalId is unknown. */
    @Transactional
    public Optional<WorkRequest> updateStatus(String externalId, Map<String, Object> body, String traceparent) {
        lock.acquire("eam-work-request", externalId);
        EamWorkRequestEntity request = EamWorkRequestEntity.findById(externalId);
        if (request == null) {
            return Optional.empty();
        }
        EamStatusUpdateEntity update = new EamStatusUpdateEntity();
        update.externalId = externalId;
        update.status = (String) body.get("status");
        update.note = (String) body.get("note");
        update.at = body.get("at") == null ? null : Instant.parse((String) body.get("at"));
        update.receivedAt = Instant.now();
        update.traceparent = blankToNull(traceparent);
        update.persist();
        request.status = update.status;
        return Optional.of(view(request, updatesOf(externalId)));
    }

    /** Work requests received, oldest first, all or those of one asset and/or one externalId. */
    @Transactional
    public List<WorkRequest> workRequests(String assetId, String externalId) {
        // filtered here, not in SQL: a filter holding text PostgreSQL cannot take then simply matches nothing
        List<EamWorkRequestEntity> requests = EamWorkRequestEntity.<EamWorkRequestEntity> list("order by receivedAt, externalId").stream()
                .filter(r -> assetId == null || assetId.equals(r.assetId))
                .filter(r -> externalId == null || externalId.equals(r.externalId))
                .toList();
        Set<String> ids = requests.stream().map(r -> r.externalId).collect(Collectors.toSet());
        Map<String, List<StatusUpdate>> updates = ids.isEmpty() ? Map.of()
                : EamStatusUpdateEntity.<EamStatusUpdateEntity> list("externalId in ?1 order by id", ids).stream()
                        .collect(Collectors.groupingBy(u -> u.externalId, Collectors.mapping(EamService::view, Collectors.toList())));
        return requests.stream().map(r -> view(r, updates.getOrDefault(r.externalId, List.of()))).toList();
    }

    @Transactional
    public void reset() {
        EamStatusUpdateEntity.deleteAll();
        EamWorkRequestEntity.deleteAll();
        outage.clear();
        refused.set(0);
        LOG.info("EAM simulator reset");
    }

    private static List<StatusUpdate> updatesOf(String externalId) {
        return EamStatusUpdateEntity.<EamStatusUpdateEntity> list("externalId = ?1 order by id", externalId).stream().map(EamService::view)
                .toList();
    }

    private static WorkRequest view(EamWorkRequestEntity r, List<StatusUpdate> updates) {
        return new WorkRequest(r.externalId, r.workRequestId, r.assetId, r.status, r.payload, r.deliveries, r.traceparent, updates,
                r.receivedAt, r.lastReceivedAt);
    }

    private static StatusUpdate view(EamStatusUpdateEntity u) {
        return new StatusUpdate(u.status, u.note, u.at, u.receivedAt, u.traceparent);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
