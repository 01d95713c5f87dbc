package io.millwright.simulators.common;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.oidc.client.runtime.AbstractTokensProducer;

/**
 * The access token a simulated system (MES, WMS) sends to Millwright: OAuth 2.0 client credentials of its own
 * {@code quarkus.oidc-client.<system>} client, fetched on first use and refreshed before it expires. A system whose
 * client is not enabled sends no token.
 */
public abstract class SystemTokens extends AbstractTokensProducer {

    private final String system;

    protected SystemTokens(String system) {
        this.system = system;
        earlyTokenAcquisition = false;
    }

    @Override
    protected Optional<String> clientId() {
        return Optional.of(system);
    }

    /** {@code Bearer <token>}; blocks while a token is fetched or refreshed. */
    public String authorization() {
        return "Bearer " + awaitTokens().getAccessToken();
    }

    /** Whether {@code system}'s client is enabled; a disabled client's tokens bean cannot even be created. */
    public static boolean enabled(String system) {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc-client." + system + ".client-enabled", Boolean.class).orElse(false);
    }

    /** The MES's client ({@code quarkus.oidc-client.mes}). */
    @ApplicationScoped
    public static class Mes extends SystemTokens {
        public Mes() {
            super("mes");
        }
    }

    /** The QMS's client ({@code quarkus.oidc-client.qms}). */
    @ApplicationScoped
    public static class Qms extends SystemTokens {
        public Qms() {
            super("qms");
        }
    }

    /** The WMS's client ({@code quarkus.oidc-client.wms}). */
    @ApplicationScoped
    public static class Wms extends SystemTokens {
        public Wms() {
            super("wms");
        }
    }
}
