package io.millwright.edge.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the gateway secures one OPC UA connection (the connection's {@code security} block): the secure channel's
 * policy and message security mode, the gateway's own certificate and private key (a key store), the server
 * certificate it pins, and the user identity. The passwords go to the driver only when it connects; they are never
 * part of the connection's URL, the status page or {@link #toString()}.
 *
 * @param policy             secure channel policy; {@link Policy#NONE} means no signing or encryption
 * @param mode               sign or sign and encrypt; null with {@link Policy#NONE}
 * @param keyStore           the gateway's key store (its first entry must be the private key with its certificate)
 * @param keyStoreType       {@code pkcs12} (default), {@code jks}, ...
 * @param serverCertificate  the server's certificate (DER or PEM) the gateway trusts and encrypts to
 * @param username           null for the anonymous identity
 */
public record OpcUaSecurity(Policy policy, MessageMode mode, Path keyStore, String keyStoreType, String keyStorePassword,
        Path serverCertificate, String username, String password) {

    /** The security policies of PLC4X 0.13's OPC UA driver, by the names OPC UA (and the driver) give them. */
    public enum Policy {
        NONE("None"),
        BASIC128RSA15("Basic128Rsa15"),
        BASIC256("Basic256"),
        BASIC256SHA256("Basic256Sha256"),
        AES128_SHA256_RSAOAEP("Aes128_Sha256_RsaOaep"),
        AES256_SHA256_RSAPSS("Aes256_Sha256_RsaPss");

        private final String uaName;

        Policy(String uaName) {
            this.uaName = uaName;
        }

        /** The name in OPC UA documentation, server configuration and the driver's {@code security-policy} option. */
        public String uaName() {
            return uaName;
        }

        public static Policy fromUaName(String name) {
            for (Policy policy : values()) {
                if (policy.uaName.equalsIgnoreCase(name.trim())) {
                    return policy;
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    /** Message security mode of a secured channel. */
    public enum MessageMode {
        SIGN("sign", "SIGN"),
        SIGN_AND_ENCRYPT("sign-and-encrypt", "SIGN_ENCRYPT");

        private final String planName;
        private final String driverName;

        MessageMode(String planName, String driverName) {
            this.planName = planName;
            this.driverName = driverName;
        }

        /** As written in the plant file. */
        public String planName() {
            return planName;
        }

        /** The driver's {@code message-security} value. */
        public String driverName() {
            return driverName;
        }

        public static MessageMode fromPlanName(String name) {
            for (MessageMode mode : values()) {
                if (mode.planName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    public boolean secured() {
        return policy != Policy.NONE;
    }

    public boolean hasUser() {
        return username != null;
    }

    /** What the status page shows: policy, mode and user name; no path, no password. */
    public String summary() {
        return policy.uaName() + (mode == null ? "" : ", " + mode.planName()) + (username == null ? ", anonymous" : ", user " + username);
    }

    /** Replaces the passwords in a text (e.g. a driver's message that quotes its connection string) by {@code ***}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : new String[] {keyStorePassword, password}) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "***").replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), "***");
            }
        }
        return masked;
    }

    @Override
    public String toString() {
        return "OpcUaSecurity[" + summary() + ", keyStore=" + keyStore + ", serverCertificate=" + serverCertificate + "]";
    }
}
