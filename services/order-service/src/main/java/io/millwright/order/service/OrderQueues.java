package io.millwright.order.service;

/** The work queues of order-service (settings under {@code millwright.kit.work-queues.<name>}). */
public final class OrderQueues {

    /** O2: accepted orders to post as ERP sales orders (key and payload: our order id). */
    public static final String ERP_SALES_ORDER = "order.erp-sales-order";

    /** O4: milestones to deliver to the CRM webhook (key: the order.milestone.reached event id; ordered per order). */
    public static final String CRM_MILESTONE = "order.crm-milestone";

    private OrderQueues() {
    }
}
