-- Master data replicated from ERP, so orders can be validated while ERP is down.
CREATE TABLE customer (
    customer_id    VARCHAR(50) PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    payment_terms  VARCHAR(50) NOT NULL,
    currency       VARCHAR(3) NOT NULL,
    credit_limit   NUMERIC(19, 4) NOT NULL,
    credit_blocked BOOLEAN NOT NULL,
    synced_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE item (
    item_id        VARCHAR(50) PRIMARY KEY,
    description    VARCHAR(200) NOT NULL,
    item_type      VARCHAR(30) NOT NULL,
    base_uom       VARCHAR(10) NOT NULL,
    list_price     NUMERIC(19, 4) NOT NULL,
    currency       VARCHAR(3) NOT NULL,
    synced_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sales_order (
    id                      VARCHAR(40) PRIMARY KEY,
    crm_order_id            VARCHAR(100) NOT NULL,
    customer_id             VARCHAR(50) NOT NULL,
    currency                VARCHAR(3) NOT NULL,
    requested_delivery_date DATE,
    status                  VARCHAR(30) NOT NULL,
    total                   NUMERIC(19, 4) NOT NULL,
    erp_sales_order_number  VARCHAR(50),
    erp_attempts            INTEGER NOT NULL DEFAULT 0,
    next_erp_attempt_at     TIMESTAMP WITH TIME ZONE,
    last_erp_error          TEXT,
    rejection_code          VARCHAR(100),
    rejection_reason        TEXT,
    correlation_id          VARCHAR(100),
    traceparent             VARCHAR(100),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT sales_order_crm_order_id_key UNIQUE (crm_order_id)
);
CREATE INDEX sales_order_waiting_idx ON sales_order (next_erp_attempt_at) WHERE status = 'WAITING_FOR_ERP';

CREATE TABLE sales_order_line (
    order_id      VARCHAR(40) NOT NULL REFERENCES sales_order (id),
    line_number   INTEGER NOT NULL,
    item_id       VARCHAR(50) NOT NULL,
    quantity      NUMERIC(19, 6) NOT NULL,
    uom           VARCHAR(10) NOT NULL,
    unit_price    NUMERIC(19, 4) NOT NULL,
    availability  VARCHAR(20) NOT NULL,
    PRIMARY KEY (order_id, line_number)
);

CREATE SEQUENCE order_timeline_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE order_timeline (
    id             BIGINT PRIMARY KEY,
    order_id       VARCHAR(40) NOT NULL REFERENCES sales_order (id),
    step           VARCHAR(50) NOT NULL,
    detail         TEXT,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    correlation_id VARCHAR(100),
    trace_id       VARCHAR(32)
);
CREATE INDEX order_timeline_order_idx ON order_timeline (order_id, at);
