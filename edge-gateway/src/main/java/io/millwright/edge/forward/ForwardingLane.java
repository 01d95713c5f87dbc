package io.millwright.edge.forward;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.jms.ConnectionFactory;

import org.jboss.logging.Logger;

import io.millwright.edge.config.EdgeConfig;
import io.millwright.edge.metrics.EdgeMetricsSink;
import io.millwright.edge.store.EmbeddedJournal;

/**
 * One lane's thread: take a batch from the journal, pace it, send it, commit once every record was acknowledged;
 * on any failure roll back and send the same entries again after a backoff (doubling from {@code initial-backoff}
 * to {@code max-backoff}). Pacing ({@code max-rate}, records/s) keeps a drained backlog from saturating the WAN.
 */
final class ForwardingLane implements Runnable {

    private static final Logger LOG = Logger.getLogger(ForwardingLane.class);

    private final String name;
    private final EdgeConfig.Forward settings;
    private final EmbeddedJournal journal;
    private final LaneJournal laneJournal;
    private final LaneProducer producer;
    private final BatchSender sender;
    private final CloudLink link;
    private final long nanosPerRecord;
    private final Thread thread;
    private volatile boolean running = true;
    private long nextSendNanos = System.nanoTime();

    /**
     * @param name  {@code events} or {@code telemetry}: names the thread, the producer's client id and log lines
     * @param queue the journal queue the lane forwards
     */
    ForwardingLane(String name, String queue, int maxRate, EdgeConfig config, String plantId, EmbeddedJournal journal,
            ConnectionFactory connectionFactory, CloudLink link, EdgeMetricsSink metrics) {
        Duration sendTimeout = config.forward().sendTimeout();
        this.name = name;
        this.settings = config.forward();
        this.journal = journal;
        this.laneJournal = new LaneJournal(connectionFactory, name, queue);
        this.producer = new LaneProducer(KafkaSettings.producerProperties(config.kafka(), sendTimeout,
                "millwright-edge-" + plantId + "-" + name), sendTimeout);
        this.link = link;
        this.sender = new BatchSender(name, producer, laneJournal, link, metrics, sendTimeout, () -> running);
        this.nanosPerRecord = maxRate > 0 ? TimeUnit.SECONDS.toNanos(1) / maxRate : 0;
        this.thread = new Thread(this, "edge-forward-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops taking batches; a batch waiting for Kafka ends at its next send-timeout. */
    void halt() {
        running = false;
    }

    void join(Duration wait) throws InterruptedException {
        thread.join(wait.toMillis());
    }

    /** Once the thread ended: anything unacknowledged is still in the journal and is sent again after a restart. */
    void discardProducer() {
        producer.discard();
    }

    @Override
    public void run() {
        long backoff = settings.initialBackoff().toMillis();
        while (running) {
            try {
                laneJournal.open();
                LaneJournal.Batch batch = laneJournal.receive(settings.batchSize());
                if (batch.isEmpty()) {
                    continue;
                }
                pace(batch.entries());
                long removed = sender.send(batch.messages());
                laneJournal.commit();
                journal.entriesRemoved(removed);
                link.succeeded();
                backoff = settings.initialBackoff().toMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                laneJournal.rollback();
                return;
            } catch (Exception e) {
                laneJournal.rollback();
                if (!running) {
                    return;
                }
                link.failed(name, e);
                LOG.debugf(e, "Forwarding failed in the %s lane; retrying in %d ms", name, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
            }
        }
        laneJournal.close();
    }

    private void pace(long records) throws InterruptedException {
        if (nanosPerRecord == 0) {
            return;
        }
        long now = System.nanoTime();
        if (nextSendNanos > now) {
            TimeUnit.NANOSECONDS.sleep(nextSendNanos - now);
        }
        nextSendNanos = Math.max(nextSendNanos, now) + records * nanosPerRecord;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
