package io.millwright.production.service;

/** The work queues of production-service (settings under {@code millwright.kit.work-queues.<name>}). */
public final class ProductionQueues {

    /** P2: released production orders to hand to the MES (key and payload: the production order number). */
    public static final String MES_DISPATCH = "production.mes-dispatch";

    /**
     * P3: received MES confirmations to check, enrich and post to ERP (key: the MES confirmationId; payload: the MES
     * body as received; ordering key: the production order, so one order's confirmations go one at a time in order).
     */
    public static final String CONFIRMATION = "production.confirmation";

    private ProductionQueues() {
    }
}
