package io.millwright.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery, both ways (Millwright to a CRM, a QMS to Millwright): header
 * {@value #HEADER}{@code : t=<unix seconds>,id=<delivery id>,v1=<hex HMAC-SHA256>}, the HMAC keyed with the shared
 * secret over {@code <t>.<id>.<body>}. The receiver recomputes it, refuses a timestamp outside its window (a captured
 * request cannot be sent again later) and a delivery id it has seen within the window (nor again now). Each attempt of
 * a delivery is signed anew with a new id; the body's own ids make the delivery idempotent. docs/security.md shows a
 * receiver in a few lines of any language.
 */
public final class WebhookSignature {

    public static final String HEADER = "Millwright-Signature";
    /** How far a delivery's timestamp may be from the receiver's clock, either way, unless configured otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    public enum Verdict {
        VALID, MISSING, MALFORMED, STALE, INVALID, REPLAYED
    }

    /** The outcome; {@code reason} is what the receiver answers a refused sender. */
    public record Verification(Verdict verdict, String deliveryId, String reason) {

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private WebhookSignature() {
    }

    /** The header value for one delivery attempt. */
    public static String sign(String secret, Instant at, String deliveryId, String body) {
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.contains(",") || deliveryId.contains("=")) {
            throw new IllegalArgumentException("A delivery id must be non-blank without ',' or '=': " + deliveryId);
        }
        long seconds = at.getEpochSecond();
        return "t=" + seconds + ",id=" + deliveryId + ",v1=" + hmac(secret, seconds + "." + deliveryId + "." + body);
    }

    /**
     * Checks a delivery: signature, timestamp within {@code window} of {@code now}, delivery id not seen before
     * (recorded in {@code seen} when everything else holds).
     */
    public static Verification verify(String secret, String header, String body, Instant now, Duration window, SeenDeliveries seen) {
        if (header == null || header.isBlank()) {
            return new Verification(Verdict.MISSING, null, "no " + HEADER + " header");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String t = parts.get("t");
        String id = parts.get("id");
        String v1 = parts.get("v1");
        if (t == null || id == null || id.isBlank() || v1 == null) {
            return new Verification(Verdict.MALFORMED, id, HEADER + " needs t=<unix seconds>,id=<delivery id>,v1=<hex HMAC-SHA256>");
        }
        long seconds;
        try {
            seconds = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return new Verification(Verdict.MALFORMED, id, HEADER + " t is not a number of seconds: " + t);
        }
        String expected = hmac(secret, seconds + "." + id + "." + (body == null ? "" : body));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return new Verification(Verdict.INVALID, id, "the signature does not match the body (wrong secret, or the body was changed)");
        }
        Instant at = Instant.ofEpochSecond(seconds);
        if (Duration.between(at, now).abs().compareTo(window) > 0) {
            return new Verification(Verdict.STALE, id, "signed at " + at + ", more than " + window.toSeconds() + " s from now (" + now + ")");
        }
        if (!seen.firstSight(id, at.plus(window))) {
            return new Verification(Verdict.REPLAYED, id, "delivery " + id + " was received before");
        }
        return new Verification(Verdict.VALID, id, null);
    }

    private static String hmac(String secret, String text) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("No webhook signing secret configured");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
