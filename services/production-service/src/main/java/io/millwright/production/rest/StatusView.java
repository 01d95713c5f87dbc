package io.millwright.production.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The flow at a glance (GET /api/v1/status). */
public record StatusView(
        Map<String, Long> ordersByStatus,
        long waitingForDispatch,
        long unacknowledgedWorkOrders,
        Duration ackTimeout,
        List<Unacknowledged> unacknowledged,
        long confirmationsOpen,
        long confirmationsWaitingForErp) {

    public record Unacknowledged(String productionOrderId, String mesWorkOrderId, java.time.Instant dispatchedAt) {
    }
}
