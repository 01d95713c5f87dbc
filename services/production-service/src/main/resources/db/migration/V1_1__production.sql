-- Production orders as released by ERP. The dispatch columns make this table the pending-dispatch queue too:
-- an order is stored with status RELEASED in the same transaction that accepts the release, so a crash between
-- release and dispatch cannot lose the dispatch.
CREATE TABLE production_order (
    id                   VARCHAR(50) PRIMARY KEY,
    plant_id             VARCHAR(20) NOT NULL,
    item_id              VARCHAR(50) NOT NULL,
    quantity             NUMERIC(19, 6) NOT NULL,
    uom                  VARCHAR(10) NOT NULL,
    output_lot           VARCHAR(50) NOT NULL,
    sales_order_id       VARCHAR(50),
    due_date             DATE NOT NULL,
    released_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    release_source       VARCHAR(20) NOT NULL,
    status               VARCHAR(30) NOT NULL,
    mes_work_order_id    VARCHAR(100),
    dispatch_attempts    INTEGER NOT NULL DEFAULT 0,
    next_dispatch_at     TIMESTAMP WITH TIME ZONE,
    last_dispatch_error  TEXT,
    dispatched_at        TIMESTAMP WITH TIME ZONE,
    acknowledged_at      TIMESTAMP WITH TIME ZONE,
    closed_at            TIMESTAMP WITH TIME ZONE,
    closed_by_recorded_at TIMESTAMP WITH TIME ZONE,
    correlation_id       VARCHAR(100),
    traceparent          VARCHAR(100),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX production_order_dispatch_idx ON production_order (next_dispatch_at) WHERE status = 'RELEASED';
CREATE INDEX production_order_status_idx ON production_order (status);

CREATE TABLE production_operation (
    order_id          VARCHAR(50) NOT NULL REFERENCES production_order (id),
    sequence          INTEGER NOT NULL,
    operation_number  VARCHAR(20) NOT NULL,
    description       VARCHAR(200) NOT NULL,
    work_center_id    VARCHAR(50),
    resource_id       VARCHAR(50) NOT NULL,
    planned_quantity  NUMERIC(19, 6) NOT NULL,
    uom               VARCHAR(10) NOT NULL,
    finished          BOOLEAN NOT NULL DEFAULT FALSE,
    last_confirmation_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (order_id, sequence)
);
CREATE INDEX production_operation_resource_idx ON production_operation (resource_id);

CREATE TABLE production_component (
    order_id          VARCHAR(50) NOT NULL REFERENCES production_order (id),
    position          INTEGER NOT NULL,
    item_id           VARCHAR(50) NOT NULL,
    operation_number  VARCHAR(20),
    required_quantity NUMERIC(19, 6) NOT NULL,
    uom               VARCHAR(10) NOT NULL,
    lot_id            VARCHAR(50),
    PRIMARY KEY (order_id, position)
);

CREATE SEQUENCE production_timeline_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE production_timeline (
    id             BIGINT PRIMARY KEY,
    order_id       VARCHAR(50) NOT NULL REFERENCES production_order (id),
    step           VARCHAR(50) NOT NULL,
    detail         TEXT,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    correlation_id VARCHAR(100),
    trace_id       VARCHAR(32)
);
CREATE INDEX production_timeline_order_idx ON production_timeline (order_id, at);

-- MES confirmations as received (raw body kept), then validated, enriched and posted to ERP one by one per order,
-- in arrival order (seq). confirmation_id is the MES business key: a resend finds the row and adds nothing.
CREATE SEQUENCE mes_confirmation_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE mes_confirmation (
    confirmation_id     VARCHAR(100) PRIMARY KEY,
    seq                 BIGINT NOT NULL DEFAULT nextval('mes_confirmation_seq'),
    production_order_id VARCHAR(50) NOT NULL,
    mes_work_order_id   VARCHAR(100),
    mes_type            VARCHAR(20) NOT NULL,
    kind                VARCHAR(20) NOT NULL,
    operation_number    VARCHAR(20),
    material_id         VARCHAR(50),
    quantity            NUMERIC(19, 6) NOT NULL,
    uom                 VARCHAR(10) NOT NULL,
    mes_lot_id          VARCHAR(50),
    scrap_reason        VARCHAR(100),
    operator_id         VARCHAR(50),
    final_confirmation  BOOLEAN NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    raw_payload         TEXT NOT NULL,
    status              VARCHAR(20) NOT NULL,
    resource_id         VARCHAR(50),
    erp_operation_number VARCHAR(20),
    lot_id              VARCHAR(50),
    shift_id            VARCHAR(100),
    erp_document_number VARCHAR(50),
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMP WITH TIME ZONE,
    last_error          TEXT,
    invalid_reason      TEXT,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_at           TIMESTAMP WITH TIME ZONE,
    correlation_id      VARCHAR(100),
    traceparent         VARCHAR(100),
    version             INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX mes_confirmation_seq_idx ON mes_confirmation (seq);
CREATE INDEX mes_confirmation_open_idx ON mes_confirmation (production_order_id, seq) WHERE status IN ('RECEIVED', 'VALIDATED');

-- Where the reconciliation poll of released orders stands (one row).
CREATE TABLE release_reconciliation (
    id              INTEGER PRIMARY KEY,
    last_polled_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
