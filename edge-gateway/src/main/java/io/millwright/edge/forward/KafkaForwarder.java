package io.millwright.edge.forward;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.jms.ConnectionFactory;

import io.millwright.edge.config.EdgeConfig;
import io.millwright.edge.config.PlantConfig;
import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.edge.store.EmbeddedJournal;
import io.quarkus.runtime.StartupEvent;

/**
 * Journal to Kafka, in two lanes with one thread each ({@link ForwardingLane}): telemetry
 * ({@link EmbeddedJournal#OUTBOUND}) and machine events ({@link EmbeddedJournal#EVENTS}), so a state change or
 * alert is never stuck behind a telemetry backlog.
 *
 * <p>Per lane, in a loop: take up to {@code batch-size} entries in one JMS transaction, journal order
 * ({@link LaneJournal}), send them all and wait until Kafka acknowledged every one ({@link BatchSender}, acks=all,
 * the lane's own idempotent producer, {@link LaneProducer}), then commit — only then do they leave the journal. A
 * failure rolls the transaction back and the same entries are sent again, in the same order, after a backoff
 * (at-least-once; the cloud side dedupes on the per-source sequence number). An entry that can never become a valid
 * event moves to {@link EmbeddedJournal#DEAD_LETTER} with the reason in the same transaction instead of blocking the
 * lane. Both lanes report to one {@link CloudLink}; only the telemetry lane is paced ({@code max-rate}).
 */
@ApplicationScoped
public class KafkaForwarder {

    private final EdgeConfig config;
    private final EmbeddedJournal journal;
    private final ConnectionFactory connectionFactory;
    private final EdgeMetricsSink metrics;
    private final String plantId;
    private final CloudLink link;
    private final List<ForwardingLane> lanes = new ArrayList<>();

    KafkaForwarder(EdgeConfig config, EmbeddedJournal journal, ConnectionFactory connectionFactory, EdgeMetricsSink metrics, PlantConfig plant) {
        this.config = config;
        this.journal = journal;
        this.connectionFactory = connectionFactory;
        this.metrics = metrics;
        this.plantId = plant.plantId();
        this.link = new CloudLink(config.kafka().bootstrapServers(), metrics);
    }

    void start(@Observes StartupEvent event) {
        journal.ensureStarted();
        lanes.add(lane("events", EmbeddedJournal.EVENTS, 0));
        lanes.add(lane("telemetry", EmbeddedJournal.OUTBOUND, config.forward().maxRate()));
        lanes.forEach(ForwardingLane::start);
    }

    @PreDestroy
    void stop() {
        lanes.forEach(ForwardingLane::halt);
        for (ForwardingLane lane : lanes) {
            try {
                lane.join(config.forward().sendTimeout().plus(Duration.ofSeconds(2)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // anything unacknowledged is still in the journal and is sent again after the restart
        lanes.forEach(ForwardingLane::discardProducer);
    }

    /** Whether the last send to Kafka succeeded, when, and the last error. */
    public CloudLinkState link() {
        return link.state();
    }

    private ForwardingLane lane(String name, String queue, int maxRate) {
        return new ForwardingLane(name, queue, maxRate, config, plantId, journal, connectionFactory, link, metrics);
    }
}
