package io.millwright.quality.qms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.camel.Body;
import org.jboss.logging.Logger;


import io.millwright.kit.target.JsonBodies;
import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.outbox.OutboxWriter;
import io.millwright.kit.target.TargetSystems;
import io.millwright.kit.workqueue.WorkQueues;
import io.millwright.model.event.EventType;
import io.millwright.model.quality.CaseStatus;
import io.millwright.model.quality.QualityCase;
import io.millwright.model.quality.QualityCaseOpened;
import io.millwright.model.quality.QualityResult;
import io.millwright.model.webhook.WebhookSignature;
import io.millwright.kit.persistence.SqlTimes;

/**
 * Q2: a failed result opens a quality case in the QMS. The case is requested in the transaction that holds the lot
 * (work queue {@value #QUEUE}, key = our case id {@code QC-<result id>}) and delivered by the queue: the QMS creates it
 * idempotently by our case id, so a retry after a lost answer opens nothing twice. Its answer's case id is kept and
 * {@code quality.case.opened} published. A QMS outage never blocks results: the queue retries, then dead-letters.
 */
@ApplicationScoped
public class QmsCases {

    private static final Logger LOG = Logger.getLogger(QmsCases.class);
    public static final String QUEUE = "quality.qms-case";
    public static final String TARGET = "qms";

    @Inject
    EntityManager em;

    @Inject
    WorkQueues workQueues;

    @Inject
    TargetSystems targets;

    @Inject
    OutboxWriter outbox;

    public static String caseIdFor(String resultId) {
        return "QC-" + resultId;
    }

    /** Requests a case for a failed result (once per result), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String request(QualityResult result, String holdId) {
        String caseId = caseIdFor(result.resultId());
        String title = "Lot " + result.lotId() + (result.itemId() == null ? "" : " of " + result.itemId()) + " failed inspection "
                + (result.inspectionPlanId() == null ? result.resultId() : result.inspectionPlanId());
        int inserted = em.createNativeQuery("""
                INSERT INTO quality_case (case_id, result_id, hold_id, lot_id, title, status, requested_at)
                VALUES (?1, ?2, ?3, ?4, ?5, 'REQUESTED', ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, caseId).setParameter(2, result.resultId()).setParameter(3, holdId).setParameter(4, result.lotId())
                .setParameter(5, title).setParameter(6, Instant.now()).executeUpdate();
        if (inserted > 0) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("caseId", caseId);
            body.put("title", title);
            body.put("lotIds", List.of(result.lotId()));
            body.put("itemId", result.itemId());
            body.put("productionOrderId", result.productionOrderId());
            body.put("resultId", result.resultId());
            body.put("holdId", holdId);
            body.put("failedCharacteristics", result.measurements().stream()
                    .filter(m -> m.verdict() == io.millwright.model.quality.QualityVerdict.FAIL).map(m -> m.characteristic()).toList());
            workQueues.enqueue(QUEUE, caseId, JsonBodies.write(body), result.lotId());
        }
        return caseId;
    }

    /** The work queue's step: opens the case in the QMS (signed), then records the QMS's id. */
    public void deliver(@Body String body) {
        String caseId = JsonBodies.read("the work queue", "quality case", body).path("caseId").asText();
        String what = "quality case " + caseId;
        String secret = targets.settings(TARGET).signingSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "millwright.kit.targets.qms.signing-secret (QMS_WEBHOOK_SECRET) is not set: quality cases are not sent unsigned"));
        QmsCaseApi qms = targets.restClient(QmsCaseApi.class, TARGET);
        String answer = targets.callForText(TARGET, what,
                () -> qms.open(WebhookSignature.sign(secret, Instant.now(), UUID.randomUUID().toString(), body), body));
        String qmsCaseId = JsonBodies.read(TARGET, what, answer).path("qmsCaseId").asText(null);
        if (qmsCaseId == null || qmsCaseId.isBlank()) {
            throw new NonRetryableException("The QMS answered " + what + " without a qmsCaseId: " + answer);
        }
        opened(caseId, qmsCaseId);
    }

    @Transactional
    void opened(String caseId, String qmsCaseId) {
        int updated = em.createNativeQuery("UPDATE quality_case SET qms_case_id = ?2, status = 'OPEN', opened_at = ?3 "
                + "WHERE case_id = ?1 AND qms_case_id IS NULL").setParameter(1, caseId).setParameter(2, qmsCaseId)
                .setParameter(3, Instant.now()).executeUpdate();
        if (updated == 0) {
            return;
        }
        QualityCase qualityCase = ofCase(caseId);
        outbox.append(EventType.QUALITY_CASE_OPENED, caseId, new QualityCaseOpened(qualityCase));
        LOG.infof("Quality case %s opened in the QMS as %s", caseId, qmsCaseId);
    }

    /** The cases of a lot, oldest first. */
    public List<QualityCase> ofLot(String lotId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT case_id FROM quality_case WHERE lot_id = ?1 ORDER BY requested_at, case_id")
                .setParameter(1, lotId).getResultList();
        return ids.stream().map(this::ofCase).toList();
    }

    private QualityCase ofCase(String caseId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT case_id, qms_case_id, title, lot_id, hold_id, result_id, status, "
                + "coalesce(opened_at, requested_at) FROM quality_case WHERE case_id = ?1").setParameter(1, caseId).getSingleResult();
        CaseStatus status = "REQUESTED".equals(r[6]) ? CaseStatus.OPEN : CaseStatus.valueOf((String) r[6]);
        return new QualityCase((String) r[0], (String) r[1], (String) r[2], List.of((String) r[3]), (String) r[4], (String) r[5], status,
                SqlTimes.instant(r[7]));
    }
}
