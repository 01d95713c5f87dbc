package io.millwright.simulators.qms.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.qms.persistence.QmsCaseEntity;
import io.millwright.simulators.qms.persistence.QmsResultSendEntity;
import io.millwright.simulators.qms.persistence.QmsSettingEntity;

/**
 * The simulated QMS/LIMS: sends inspection results to quality-service on command (signed, resends and results for
 * lots Millwright does not know included), sends usage decisions as client {@code qms}, and takes the quality cases
 * Millwright opens, once per caseId. Everything it sent or received is recorded.
 */
@ApplicationScoped
public class QmsService {

    /** A result to send; missing parts are filled in (a result id, an inspection time, one characteristic). */
    public record ResultCommand(String resultId, String lotId, String verdict, String inspectionPlanId, List<Map<String, Object>> characteristics) {
    }

    public record Sent(String resultId, String lotId, String verdict, int status, String answer, Instant sentAt) {
    }

    public record CaseView(String caseId, String qmsCaseId, String title, List<String> lotIds, Map<String, Object> payload, int deliveries,
            Instant receivedAt) {
    }

    /** What the case endpoint did: created now or known before. */
    public record CaseReceipt(CaseView qualityCase, boolean created) {
    }

    @Inject
    JsonPoster poster;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "millwright.sim.qms.webhook-secret")
    Optional<String> secret;

    @Transactional
    public void configure(String qualityServiceBaseUrl) {
        QmsSettingEntity.current().qualityServiceBaseUrl = qualityServiceBaseUrl;
    }

    public Optional<String> qualityServiceBaseUrl() {
        return Optional.ofNullable(QmsSettingEntity.current().qualityServiceBaseUrl).filter(url -> !url.isBlank());
    }

    public Optional<String> secret() {
        return secret.filter(s -> !s.isBlank());
    }

    /** Sends a new result. */
    public Sent send(ResultCommand command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultId", command.resultId() == null || command.resultId().isBlank() ? "QR-" + UUID.randomUUID().toString().substring(0, 8)
                : command.resultId());
        body.put("lotId", command.lotId());
        body.put("inspectionPlanId", command.inspectionPlanId() == null ? "IP-100" : command.inspectionPlanId());
        body.put("verdict", command.verdict());
        body.put("characteristics", command.characteristics() != null ? command.characteristics() : List.of(defaultCharacteristic(command.verdict())));
        body.put("inspectorId", "QI-7");
        body.put("inspectedAt", Instant.now().toString());
        return post(json(body), (String) body.get("resultId"), command.lotId(), command.verdict());
    }

    /** Sends a result again, byte for byte (a new delivery, as a QMS retrying after a lost answer does). */
    public Optional<Sent> resend(String resultId) {
        return firstSend(resultId).map(first -> post(first.body, first.resultId, first.lotId, first.verdict));
    }

    /** Sends a usage decision for a lot, as client {@code qms}. */
    public JsonPoster.Answer decide(String lotId, String decision, String code, String reason) {
        String base = qualityServiceBaseUrl().orElseThrow(() -> new IllegalStateException("qualityServiceBaseUrl is not configured"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("code", code);
        body.put("reason", reason);
        return poster.postJson(base + "/api/v1/lots/" + lotId + "/usage-decision", json(body), JsonPoster.Caller.QMS, null);
    }

    @Transactional
    public List<Sent> sent() {
        return QmsResultSendEntity.<QmsResultSendEntity> list("order by id").stream()
                .map(s -> new Sent(s.resultId, s.lotId, s.verdict, s.status, s.answer, s.sentAt)).toList();
    }

    /** Takes a quality case once per caseId; a repeat counts the delivery and answers the same case. */
    @Transactional
    public CaseReceipt openCase(Map<String, Object> body) {
        String caseId = String.valueOf(body.get("caseId"));
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "qms-case:" + caseId).getSingleResult();
        QmsCaseEntity existing = QmsCaseEntity.findById(caseId);
        Instant now = Instant.now();
        if (existing != null) {
            existing.deliveries++;
            existing.lastReceivedAt = now;
            return new CaseReceipt(view(existing), false);
        }
        QmsCaseEntity created = new QmsCaseEntity();
        created.caseId = caseId;
        long number = ((Number) em.createNativeQuery("SELECT nextval('qms_sim.quality_case_seq')").getSingleResult()).longValue();
        created.qmsCaseId = String.format("QMS-CASE-%06d", number);
        created.title = String.valueOf(body.get("title"));
        @SuppressWarnings("unchecked")
        List<String> lots = (List<String>) body.get("lotIds");
        created.lotIds = lots;
        created.payload = body;
        created.deliveries = 1;
        created.receivedAt = now;
        created.lastReceivedAt = now;
        created.persist();
        return new CaseReceipt(view(created), true);
    }

    @Transactional
    public List<CaseView> cases(String lotId) {
        return QmsCaseEntity.<QmsCaseEntity> list("order by receivedAt, caseId").stream()
                .filter(c -> lotId == null || c.lotIds.contains(lotId)).map(QmsService::view).toList();
    }

    @Transactional
    public void reset() {
        QmsResultSendEntity.deleteAll();
        QmsCaseEntity.deleteAll();
    }

    @Transactional
    Sent record(String resultId, String lotId, String verdict, String body, JsonPoster.Answer answer) {
        QmsResultSendEntity send = new QmsResultSendEntity();
        send.resultId = resultId;
        send.lotId = lotId;
        send.verdict = verdict;
        send.body = body;
        send.status = answer.status();
        send.answer = answer.summary();
        send.sentAt = Instant.now();
        send.persist();
        return new Sent(resultId, lotId, verdict, answer.status(), answer.status() == 0 ? answer.summary() : answer.body(), send.sentAt);
    }

    private Sent post(String json, String resultId, String lotId, String verdict) {
        String base = qualityServiceBaseUrl().orElseThrow(() -> new IllegalStateException("qualityServiceBaseUrl is not configured"));
        String signingSecret = secret().orElseThrow(() -> new IllegalStateException(
                "millwright.sim.qms.webhook-secret (QMS_WEBHOOK_SECRET) is not set: results are not sent unsigned"));
        JsonPoster.Answer answer = poster.postJson(base + "/webhooks/qms/results", json, JsonPoster.Caller.QMS, signingSecret);
        return record(resultId, lotId, verdict, json, answer);
    }

    @Transactional
    Optional<QmsResultSendEntity> firstSend(String resultId) {
        return QmsResultSendEntity.<QmsResultSendEntity> find("resultId = ?1 order by id", resultId).firstResultOptional();
    }

    private static Map<String, Object> defaultCharacteristic(String verdict) {
        Map<String, Object> bore = new LinkedHashMap<>();
        bore.put("name", "bore-diameter");
        bore.put("value", "FAIL".equals(verdict) ? new BigDecimal("25.41") : new BigDecimal("25.02"));
        bore.put("unit", "MM");
        bore.put("lowerLimit", new BigDecimal("24.95"));
        bore.put("upperLimit", new BigDecimal("25.05"));
        bore.put("verdict", verdict);
        return bore;
    }

    private static CaseView view(QmsCaseEntity c) {
        return new CaseView(c.caseId, c.qmsCaseId, c.title, c.lotIds, c.payload, c.deliveries, c.receivedAt);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
