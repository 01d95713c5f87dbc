-- Items replicated from ERP. A row exists only once the item's opening balances were loaded from ERP, so
-- "known item" always means "balances are meaningful".
CREATE TABLE item (
    item_id                 VARCHAR(50) PRIMARY KEY,
    description             VARCHAR(200) NOT NULL,
    item_type               VARCHAR(30) NOT NULL,
    base_uom                VARCHAR(10) NOT NULL,
    opening_balances_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    synced_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Stock per item/lot/plant/location/status. Changed only together with a movement row (same transaction).
CREATE TABLE balance (
    id                BIGSERIAL PRIMARY KEY,
    item_id           VARCHAR(50) NOT NULL,
    lot_id            VARCHAR(50),
    plant_id          VARCHAR(10) NOT NULL,
    location_id       VARCHAR(20) NOT NULL,
    status            VARCHAR(20) NOT NULL CHECK (status IN ('UNRESTRICTED', 'QUALITY_HOLD', 'BLOCKED')),
    quantity          NUMERIC(19, 6) NOT NULL CHECK (quantity >= 0),
    uom               VARCHAR(10) NOT NULL,
    last_movement_id  VARCHAR(120),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX balance_position_uk ON balance (item_id, COALESCE(lot_id, ''), plant_id, location_id, status);
CREATE INDEX balance_lot_idx ON balance (lot_id, plant_id);

-- The movement ledger. movement_id is derived from the source document, so a resend or a replay maps to the
-- same row and is never booked twice. erp_state tracks the one PostGoodsMovement per movement.
CREATE TABLE movement (
    movement_id          VARCHAR(120) PRIMARY KEY,
    movement_type        VARCHAR(30) NOT NULL,
    item_id              VARCHAR(50) NOT NULL,
    lot_id               VARCHAR(50),
    plant_id             VARCHAR(10) NOT NULL,
    from_location        VARCHAR(20),
    to_location          VARCHAR(20),
    quantity             NUMERIC(19, 6) NOT NULL,
    uom                  VARCHAR(10) NOT NULL,
    stock_status         VARCHAR(20) NOT NULL,
    from_status          VARCHAR(20),
    production_order_id  VARCHAR(50),
    source_reference     VARCHAR(100),
    hold_id              VARCHAR(100),
    occurred_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    erp_state            VARCHAR(20) NOT NULL CHECK (erp_state IN ('PENDING', 'POSTED', 'REJECTED', 'NOT_POSTED')),
    erp_document_number  VARCHAR(30),
    erp_attempts         INTEGER NOT NULL DEFAULT 0,
    next_erp_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_erp_error       TEXT,
    erp_posted_at        TIMESTAMP WITH TIME ZONE,
    correlation_id       VARCHAR(100),
    traceparent          VARCHAR(100)
);
CREATE INDEX movement_pending_idx ON movement (next_erp_attempt_at) WHERE erp_state = 'PENDING';
CREATE INDEX movement_item_idx ON movement (item_id, created_at);

-- Quality holds (REST or quality.hold.placed), one row per lot held.
CREATE TABLE hold (
    hold_id          VARCHAR(100) PRIMARY KEY,
    plant_id         VARCHAR(10) NOT NULL,
    reason           TEXT NOT NULL,
    source           VARCHAR(20) NOT NULL,
    status           VARCHAR(20) NOT NULL CHECK (status IN ('ACTIVE', 'RELEASED')),
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at      TIMESTAMP WITH TIME ZONE,
    release_reason   TEXT
);

CREATE TABLE hold_lot (
    hold_id          VARCHAR(100) NOT NULL REFERENCES hold (hold_id),
    item_id          VARCHAR(50) NOT NULL,
    lot_id           VARCHAR(50) NOT NULL,
    location_id      VARCHAR(20),
    held_quantity    NUMERIC(19, 6) NOT NULL,
    uom              VARCHAR(10) NOT NULL,
    PRIMARY KEY (hold_id, item_id, lot_id)
);
CREATE INDEX hold_lot_lot_idx ON hold_lot (lot_id);

-- Stock status changes to be reflected in ERP (SetStockStatus) and the WMS, each exactly once per request id.
CREATE TABLE stock_status_sync (
    id               BIGSERIAL PRIMARY KEY,
    target           VARCHAR(10) NOT NULL CHECK (target IN ('ERP', 'WMS')),
    request_id       VARCHAR(200) NOT NULL,
    hold_id          VARCHAR(100) NOT NULL,
    item_id          VARCHAR(50) NOT NULL,
    lot_id           VARCHAR(50) NOT NULL,
    plant_id         VARCHAR(10) NOT NULL,
    location_id      VARCHAR(20),
    status           VARCHAR(20) NOT NULL,
    reason           TEXT NOT NULL,
    state            VARCHAR(20) NOT NULL CHECK (state IN ('PENDING', 'DONE', 'REJECTED')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       TEXT,
    document_number  VARCHAR(50),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at          TIMESTAMP WITH TIME ZONE,
    correlation_id   VARCHAR(100),
    CONSTRAINT stock_status_sync_uk UNIQUE (target, request_id)
);
CREATE INDEX stock_status_sync_pending_idx ON stock_status_sync (id) WHERE state = 'PENDING';

-- Reconciliation runs against ERP balances and the variances each found.
CREATE TABLE reconciliation_run (
    run_id              VARCHAR(40) PRIMARY KEY,
    plant_id            VARCHAR(10) NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    status              VARCHAR(20) NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    positions_compared  INTEGER NOT NULL DEFAULT 0,
    positions_skipped   INTEGER NOT NULL DEFAULT 0,
    variance_count      INTEGER NOT NULL DEFAULT 0,
    error               TEXT
);
CREATE INDEX reconciliation_run_started_idx ON reconciliation_run (started_at);

CREATE SEQUENCE reconciliation_variance_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE reconciliation_variance (
    id                   BIGINT PRIMARY KEY,
    run_id               VARCHAR(40) NOT NULL REFERENCES reconciliation_run (run_id),
    item_id              VARCHAR(50) NOT NULL,
    lot_id               VARCHAR(50),
    plant_id             VARCHAR(10) NOT NULL,
    location_id          VARCHAR(20) NOT NULL,
    status               VARCHAR(20) NOT NULL,
    millwright_quantity  NUMERIC(19, 6) NOT NULL,
    erp_quantity         NUMERIC(19, 6) NOT NULL,
    variance             NUMERIC(19, 6) NOT NULL,
    uom                  VARCHAR(10) NOT NULL
);
CREATE INDEX reconciliation_variance_run_idx ON reconciliation_variance (run_id);
