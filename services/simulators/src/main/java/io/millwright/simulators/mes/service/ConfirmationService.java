package io.millwright.simulators.mes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.millwright.simulators.common.JsonPoster;
import io.millwright.simulators.common.KeyLock;
import io.millwright.simulators.mes.persistence.ConfirmationSendEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Confirmations the MES reports to production-service ({@code POST /api/v1/mes/confirmations}), sent on command
 * and resent on command (same payload, any number of times, in any order), each send recorded with its answer.
 */
@ApplicationScoped
public class ConfirmationService {

    private static final Logger LOG = Logger.getLogger(ConfirmationService.class);

    /** One send: {@code status} 0 = production-service not reachable ({@code error} says why). */
    public record Sent(Long id, String confirmationId, int status, boolean duplicate, String error, Instant sentAt,
            Map<String, Object> payload) {

        static Sent of(ConfirmationSendEntity e) {
            return new Sent(e.id, e.confirmationId, e.httpStatus, e.duplicate, e.error, e.sentAt, e.payload);
        }
    }

    @Inject
    MesSettings settings;

    @Inject
    JsonPoster poster;


    @Inject
    KeyLock sequences;

    /**
     * Fills what the MES always sets (confirmationId MES-C-nnnnnn, mesWorkOrderId WO-&lt;productionOrderId&gt;,
     * recordedAt now) when absent, then sends. Other fields go as given, so invalid confirmations can be sent too.
     */
    public Sent send(Map<String, Object> confirmation) {
        Map<String, Object> payload = new LinkedHashMap<>(confirmation == null ? Map.of() : confirmation);
        if (payload.get("confirmationId") == null) {
            payload.put("confirmationId", String.format("MES-C-%06d", sequences.nextValue("mes_sim.confirmation_id_seq")));
        }
        if (payload.get("mesWorkOrderId") == null && payload.get("productionOrderId") != null) {
            payload.put("mesWorkOrderId", "WO-" + payload.get("productionOrderId"));
        }
        if (payload.get("recordedAt") == null) {
            payload.put("recordedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        return post(payload);
    }

    /**
     * Sends the recorded confirmations again, {@code times} rounds of the list (reversed when asked). Unknown ids:
     * IllegalArgumentException before anything is sent.
     */
    public List<Sent> resend(List<String> confirmationIds, int times, boolean reverseOrder) {
        if (confirmationIds == null || confirmationIds.isEmpty()) {
            throw new IllegalArgumentException("confirmationIds must name at least one confirmation");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        List<Map<String, Object>> payloads = new ArrayList<>(recordedPayloads(confirmationIds));
        if (reverseOrder) {
            java.util.Collections.reverse(payloads);
        }
        List<Sent> sent = new ArrayList<>();
        for (int round = 0; round < times; round++) {
            for (Map<String, Object> payload : payloads) {
                sent.add(post(payload));
            }
        }
        return sent;
    }

    @Transactional
    public List<Sent> list() {
        return ConfirmationSendEntity.listOrdered().stream().map(Sent::of).toList();
    }

    @Transactional
    List<Map<String, Object>> recordedPayloads(List<String> confirmationIds) {
        List<Map<String, Object>> payloads = new ArrayList<>();
        for (String id : confirmationIds) {
            ConfirmationSendEntity first = ConfirmationSendEntity.firstOf(id);
            if (first == null) {
                throw new IllegalArgumentException("no confirmation " + id + " was sent by the MES");
            }
            payloads.add(first.payload);
        }
        return payloads;
    }

    private Sent post(Map<String, Object> payload) {
        String baseUrl = settings.current().productionServiceBaseUrl();
        JsonPoster.Answer answer = baseUrl == null
                ? new JsonPoster.Answer(0, false, null, "no productionServiceBaseUrl configured", null)
                : poster.post(baseUrl + "/api/v1/mes/confirmations", payload, JsonPoster.Caller.MES);
        LOG.infof("MES confirmation %s: %s", payload.get("confirmationId"), answer.summary());
        return record(payload, answer);
    }

    @Transactional
    Sent record(Map<String, Object> payload, JsonPoster.Answer answer) {
        ConfirmationSendEntity entity = new ConfirmationSendEntity();
        Object id = payload.get("confirmationId");
        entity.confirmationId = id == null ? "" : id.toString();
        entity.payload = payload;
        entity.sentAt = Instant.now();
        entity.httpStatus = answer.status();
        entity.duplicate = answer.duplicate();
        String error = answer.successful() ? null : answer.summary();
        entity.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        entity.persist();
        return Sent.of(entity);
    }
}
