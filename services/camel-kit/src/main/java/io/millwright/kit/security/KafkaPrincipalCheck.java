package io.millwright.kit.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.millwright.kit.config.KitConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * A service that is to authenticate to Kafka (a {@code SASL_*} security protocol) but was given no password does not
 * start: it says which principal and which setting, instead of retrying a refused login forever.
 */
@ApplicationScoped
public class KafkaPrincipalCheck {

    private static final Logger LOG = Logger.getLogger(KafkaPrincipalCheck.class);

    @Inject
    KitConfig config;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        String protocol = config.kafka().securityProtocol();
        String principal = config.kafka().principal();
        String password = config.kafka().password().orElse("");
        if (protocol.startsWith("SASL") && password.isBlank()) {
            throw new IllegalStateException("Kafka security protocol " + protocol + " needs the SCRAM password of principal '"
                    + principal + "': set KAFKA_PASSWORD (millwright.kit.kafka.password), or KAFKA_SECURITY_PROTOCOL=PLAINTEXT"
                    + " for a broker without authentication");
        }
        LOG.infof("Kafka: %s as principal %s", protocol, protocol.startsWith("SASL") ? principal : "(none)");
    }
}
