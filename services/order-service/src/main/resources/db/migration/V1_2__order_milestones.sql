-- O4: production orders linked to orders, milestones reached, and milestone deliveries to the CRM webhook.

-- A production order released for an order's ERP sales order, with what has been seen of it so far.
CREATE TABLE production_link (
    production_order_id     VARCHAR(50) PRIMARY KEY,
    order_id                VARCHAR(40) NOT NULL REFERENCES sales_order (id),
    item_id                 VARCHAR(50) NOT NULL,
    quantity                NUMERIC(19, 6) NOT NULL,
    uom                     VARCHAR(10) NOT NULL,
    released_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at              TIMESTAMP WITH TIME ZONE,
    completed_at            TIMESTAMP WITH TIME ZONE,
    unrestricted_receipt_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX production_link_order_idx ON production_link (order_id);

-- Each milestone once per order (the primary key is the guarantee).
CREATE TABLE order_milestone (
    order_id         VARCHAR(40) NOT NULL REFERENCES sales_order (id),
    milestone        VARCHAR(30) NOT NULL,
    reached_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    detail           TEXT,
    source_reference VARCHAR(100),
    event_id         UUID NOT NULL,
    PRIMARY KEY (order_id, milestone)
);

-- Milestones to deliver to the CRM webhook (written with the milestone, delivered by a poller with backoff).
CREATE TABLE crm_delivery (
    event_id        UUID PRIMARY KEY,
    order_id        VARCHAR(40) NOT NULL REFERENCES sales_order (id),
    milestone       VARCHAR(30) NOT NULL,
    payload         TEXT NOT NULL,
    status          VARCHAR(20) NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      TEXT,
    correlation_id  VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX crm_delivery_due_idx ON crm_delivery (next_attempt_at) WHERE status = 'PENDING';
