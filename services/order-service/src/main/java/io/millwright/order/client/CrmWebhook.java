package io.millwright.order.client;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.Body;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.millwright.kit.error.NonRetryableException;
import io.millwright.kit.target.HttpAnswers;
import io.millwright.kit.target.TargetSystems;
import io.millwright.model.common.ModelJson;
import io.millwright.model.webhook.WebhookSignature;

/**
 * O4: posts one milestone to the CRM webhook ({@code millwright.kit.targets.crm}), signed with the target's
 * {@code signing-secret}. 2xx delivered it; 408, 429, 5xx and no answer are worth trying again; any other answer (401
 * for a signature the CRM does not accept among them) is a refusal that resending will not change.
 */
@ApplicationScoped
public class CrmWebhook {

    public static final String TARGET = "crm";

    @Inject
    TargetSystems targets;

    /** @param milestone the webhook body (docs/contracts/plant-apps.md) */
    public void deliver(@Body String milestone) {
        CrmWebhookApi webhook = targets.restClient(CrmWebhookApi.class, TARGET);
        String what = describe(milestone);
        String secret = targets.settings(TARGET).signingSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "millwright.kit.targets.crm.signing-secret (CRM_WEBHOOK_SECRET) is not set: milestones are not sent unsigned"));
        // each attempt is signed anew (fresh time and delivery id); the CRM deduplicates on the body's eventId
        targets.call(TARGET, what, () -> HttpAnswers.exchange(TARGET, what,
                () -> webhook.post(WebhookSignature.sign(secret, Instant.now(), UUID.randomUUID().toString(), milestone), milestone),
                answer -> null), Void.class);
    }

    /** "milestone PRODUCTION_RELEASED of order ...", for the reason an operator reads. */
    private static String describe(String milestone) {
        try {
            JsonNode body = ModelJson.mapper().readTree(milestone);
            return "milestone " + body.path("milestone").asText() + " of order " + body.path("orderId").asText();
        } catch (JsonProcessingException e) {
            throw new NonRetryableException("Not a CRM milestone body: " + e.getOriginalMessage(), e);
        }
    }
}
