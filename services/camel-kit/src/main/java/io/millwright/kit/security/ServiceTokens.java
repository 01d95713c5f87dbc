package io.millwright.kit.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.client.runtime.AbstractTokensProducer;

/**
 * This service's own access token for calls to another Millwright service (a target with
 * {@code millwright.kit.targets.<name>.bearer-token=true}): OAuth 2.0 client credentials of {@code quarkus.oidc-client}
 * (client id and secret from the environment), fetched on first use, refreshed before it expires.
 */
@ApplicationScoped
public class ServiceTokens extends AbstractTokensProducer {

    public ServiceTokens() {
        // the identity provider need not be up when the service starts; the first call fetches the token
        earlyTokenAcquisition = false;
    }

    /** {@code Bearer <access token>}; blocks while a token is fetched or refreshed. */
    public String authorization() {
        if (isClientFeatureDisabled()) {
            throw new IllegalStateException("A target wants this service's bearer token, but quarkus.oidc-client is not enabled"
                    + " (quarkus.oidc-client.client-enabled, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)");
        }
        return "Bearer " + awaitTokens().getAccessToken();
    }
}
