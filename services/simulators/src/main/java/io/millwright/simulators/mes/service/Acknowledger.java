package io.millwright.simulators.mes.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.millwright.simulators.common.JsonPoster;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The MES acknowledging work orders to production-service ({@code POST /api/v1/mes/acknowledgements}): by itself
 * {@code ackDelayMs} after a new dispatch (up to {@link #AUTO_ATTEMPTS} attempts with doubling pauses when
 * production-service does not answer 2xx), or once on command. Every attempt is recorded on the work order.
 */
@ApplicationScoped
public class Acknowledger {

    static final int AUTO_ATTEMPTS = 5;
    static final Duration FIRST_RETRY_PAUSE = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(Acknowledger.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mes-acknowledger");
        thread.setDaemon(true);
        return thread;
    });

    /** A reset starts a new generation: acknowledgements scheduled before it are dropped. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    MesSettings settings;

    @Inject
    WorkOrderService workOrders;

    @Inject
    JsonPoster poster;


    /** Called after a new work order was committed. */
    public void workOrderReceived(String productionOrderId) {
        MesSettings.View current = settings.current();
        if (current.autoAcknowledge()) {
            schedule(productionOrderId, 1, generation.get(), current.ackDelayMs());
        }
    }

    /** One attempt now; the HTTP status production-service answered (0: not reachable or not configured). */
    public int acknowledgeNow(String productionOrderId) {
        return attempt(productionOrderId).status();
    }

    public void forgetPending() {
        generation.incrementAndGet();
    }

    private void schedule(String productionOrderId, int attempt, long forGeneration, long delayMs) {
        executor.schedule(() -> {
            if (generation.get() != forGeneration) {
                return;
            }
            try {
                JsonPoster.Answer answer = attempt(productionOrderId);
                if (!answer.successful() && attempt < AUTO_ATTEMPTS && !notConfigured(answer)) {
                    long pause = FIRST_RETRY_PAUSE.toMillis() << (attempt - 1);
                    schedule(productionOrderId, attempt + 1, forGeneration, pause);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Acknowledgement of %s failed", productionOrderId);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private JsonPoster.Answer attempt(String productionOrderId) {
        Optional<WorkOrderService.WorkOrder> workOrder = workOrders.find(productionOrderId);
        if (workOrder.isEmpty()) {
            throw new IllegalArgumentException("no work order for production order " + productionOrderId);
        }
        String baseUrl = settings.current().productionServiceBaseUrl();
        JsonPoster.Answer answer;
        if (baseUrl == null) {
            answer = new JsonPoster.Answer(0, false, null, "no productionServiceBaseUrl configured", null);
        } else {
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("productionOrderId", productionOrderId);
            ack.put("mesWorkOrderId", workOrder.get().mesWorkOrderId());
            ack.put("acknowledgedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            answer = poster.post(baseUrl + "/api/v1/mes/acknowledgements", ack, JsonPoster.Caller.MES);
        }
        LOG.infof("MES acknowledgement of %s: %s", productionOrderId, answer.summary());
        workOrders.recordAcknowledgement(productionOrderId, answer.successful(), answer.summary());
        return answer;
    }

    private static boolean notConfigured(JsonPoster.Answer answer) {
        return answer.status() == 0 && answer.correlationId() == null;
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
