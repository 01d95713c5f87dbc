package io.millwright.simulators.crm.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.millwright.simulators.common.FieldErrors;
import io.millwright.simulators.common.KeyLock;
import io.millwright.simulators.common.Outage;
import io.millwright.simulators.crm.persistence.MilestoneEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The simulated CRM's milestone webhook: each eventId recorded once, every delivery counted. */
@ApplicationScoped
public class CrmService {

    private static final Logger LOG = Logger.getLogger(CrmService.class);

    public record Milestone(String eventId, String orderId, String crmOrderId, String milestone, String detail,
            Object reachedAt, int deliveries, Instant receivedAt, Instant lastReceivedAt, String correlationId,
            String traceparent, Map<String, Object> payload) {

        static Milestone of(MilestoneEntity e) {
            Object detail = e.payload.get("detail");
            return new Milestone(e.eventId, e.orderId, e.crmOrderId, e.milestone,
                    detail == null ? null : detail.toString(), e.payload.get("reachedAt"), e.deliveries,
                    e.receivedAt, e.lastReceivedAt, e.correlationId, e.traceparent, e.payload);
        }
    }

    /** Deliveries refused with 503 during an outage since the last reset (they reach no table). */
    private final AtomicLong refused = new AtomicLong();

    @Inject
    KeyLock lock;

    @Inject
    EntityManager em;

    @Inject
    @Named("crm")
    Outage outage;

    /** A delivery the CRM refused for its signature. */
    public record Rejection(String verdict, String reason, Instant receivedAt) {
    }

    private final java.util.List<Rejection> rejections = new java.util.concurrent.CopyOnWriteArrayList<>();

    public void reject(String verdict, String reason) {
        LOG.infof("Milestone delivery refused (%s): %s", verdict, reason);
        rejections.add(new Rejection(verdict, reason, Instant.now()));
    }

    public java.util.List<Rejection> rejections() {
        return java.util.List.copyOf(rejections);
    }

    public void countRefused() {
        refused.incrementAndGet();
    }

    public long refused() {
        return refused.get();
    }

    public FieldErrors validate(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        if (body == null) {
            errors.add("$", "a milestone body is required");
            return errors;
        }
        errors.text(body, "eventId", "eventId");
        errors.text(body, "orderId", "orderId");
        errors.text(body, "milestone", "milestone");
        errors.text(body, "reachedAt", "reachedAt");
        return errors;
    }

    /**
     * true when the eventId was received before (then only the delivery count changes); the correlation id and
     * traceparent are those of the first delivery.
     */
    @Transactional
    public boolean receive(Map<String, Object> body, String correlationId, String traceparent) {
        String eventId = (String) body.get("eventId");
        lock.acquire("crm-milestone", eventId);
        Instant now = Instant.now();
        MilestoneEntity existing = MilestoneEntity.findById(eventId);
        if (existing != null) {
            existing.deliveries++;
            existing.lastReceivedAt = now;
            return true;
        }
        MilestoneEntity milestone = new MilestoneEntity();
        milestone.eventId = eventId;
        milestone.orderId = (String) body.get("orderId");
        Object crmOrderId = body.get("crmOrderId");
        milestone.crmOrderId = crmOrderId == null ? null : crmOrderId.toString();
        milestone.milestone = (String) body.get("milestone");
        milestone.payload = body;
        milestone.deliveries = 1;
        milestone.receivedAt = now;
        milestone.lastReceivedAt = now;
        milestone.correlationId = header(correlationId);
        milestone.traceparent = header(traceparent);
        milestone.persist();
        LOG.infof("CRM milestone %s for %s (%s)", milestone.milestone, milestone.crmOrderId, eventId);
        return false;
    }

    /** A header value as kept: at most 200 characters (its column's width). */
    private static String header(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200);
    }

    @Transactional
    public List<Milestone> milestones(String crmOrderId) {
        return MilestoneEntity.listFor(crmOrderId).stream().map(Milestone::of).toList();
    }

    @Transactional
    public void reset() {
        em.createNativeQuery("truncate table crm_sim.milestone").executeUpdate();
        em.clear();
        outage.clear();
        refused.set(0);
        rejections.clear();
        LOG.info("CRM simulator reset");
    }
}
