package io.millwright.edge.forward;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.millwright.edge.metrics.EdgeMetricsSink;

/**
 * The cloud link's health as the lanes see it: up once a batch was acknowledged, down on a failed send or while
 * Kafka has not acknowledged within the send timeout. Changes are logged once and reported to the metrics.
 */
final class CloudLink {

    private static final Logger LOG = Logger.getLogger(CloudLink.class);

    private final String bootstrapServers;
    private final EdgeMetricsSink metrics;
    private volatile CloudLinkState state = new CloudLinkState(false, null, null, "not connected yet");

    CloudLink(String bootstrapServers, EdgeMetricsSink metrics) {
        this.bootstrapServers = bootstrapServers;
        this.metrics = metrics;
    }

    CloudLinkState state() {
        return state;
    }

    void succeeded() {
        CloudLinkState current = state;
        if (!current.up()) {
            LOG.infof("Cloud link up: forwarding to Kafka at %s", bootstrapServers);
        }
        // "not connected yet" is no error once connected; a real last error stays on record
        state = new CloudLinkState(true, Instant.now(), current.lastFailure(), current.lastFailure() == null ? null : current.lastError());
        metrics.cloudLinkUp(true);
    }

    void failed(String lane, Exception e) {
        CloudLinkState current = state;
        String error = rootMessage(e);
        if (current.up()) {
            LOG.warnf("Cloud link down (%s lane): %s; entries stay in the journal and are retried", lane, error);
        }
        state = new CloudLinkState(false, current.lastSuccess(), Instant.now(), error);
        metrics.cloudLinkUp(false);
    }

    /** The innermost cause, as {@code SimpleName: message}: what the broker or the network said. */
    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
