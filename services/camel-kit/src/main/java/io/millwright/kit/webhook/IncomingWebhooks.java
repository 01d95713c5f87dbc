package io.millwright.kit.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import io.millwright.kit.config.KitConfig;
import io.millwright.model.webhook.SeenDeliveries;
import io.millwright.model.webhook.WebhookSignature;

/**
 * Checks webhooks other systems send to this service ({@code millwright.kit.webhooks.<source>}): the
 * {@code Millwright-Signature} must match the raw body with the source's secret, be signed within the window and
 * carry a delivery id not seen before. A refused delivery is answered 401 (missing, malformed, wrong or stale
 * signature) or 409 (a replay) with the reason, before anything is read from the body or stored.
 */
@ApplicationScoped
public class IncomingWebhooks {

    private static final Logger LOG = Logger.getLogger(IncomingWebhooks.class);

    @Inject
    KitConfig config;

    private final Map<String, SeenDeliveries> seen = new ConcurrentHashMap<>();

    /** @return the delivery id of an accepted delivery */
    public String verify(String source, String signatureHeader, String rawBody) {
        KitConfig.IncomingWebhook settings = config.webhooks().get(source);
        String secret = settings.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new WebApplicationException(
                "millwright.kit.webhooks." + source + ".secret is not set: webhooks from " + source + " cannot be checked", 503));
        WebhookSignature.Verification verification = WebhookSignature.verify(secret, signatureHeader, rawBody, Instant.now(),
                settings.window(), seen.computeIfAbsent(source, key -> new SeenDeliveries()));
        if (verification.valid()) {
            return verification.deliveryId();
        }
        LOG.warnf("Webhook from %s refused (%s): %s", source, verification.verdict(), verification.reason());
        int status = verification.verdict() == WebhookSignature.Verdict.REPLAYED ? 409 : 401;
        throw new WebApplicationException("Webhook from " + source + " refused: " + verification.reason(), status);
    }
}
