package io.millwright.edge.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.millwright.edge.forward.CloudLinkState;
import io.millwright.edge.forward.KafkaForwarder;
import io.millwright.edge.store.EmbeddedJournal;
import io.smallrye.health.api.HealthGroup;

/**
 * The cloud link at {@code /q/health/group/cloud}: DOWN while Kafka does not acknowledge. Deliberately not part of
 * readiness: with the link down the gateway keeps acquiring into the journal, which is its job.
 */
@HealthGroup("cloud")
@ApplicationScoped
public class CloudLinkHealthCheck implements HealthCheck {

    private final KafkaForwarder forwarder;
    private final EmbeddedJournal journal;

    CloudLinkHealthCheck(KafkaForwarder forwarder, EmbeddedJournal journal) {
        this.forwarder = forwarder;
        this.journal = journal;
    }

    @Override
    public HealthCheckResponse call() {
        CloudLinkState link = forwarder.link();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cloud-link").status(link.up())
                .withData("backlog", journal.backlog());
        if (link.lastSuccess() != null) {
            response.withData("lastAcknowledged", link.lastSuccess().toString());
        }
        if (link.lastError() != null) {
            response.withData("lastError", link.lastError());
        }
        return response.build();
    }
}
