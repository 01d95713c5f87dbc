-- Q1-Q3: results from the QMS/LIMS, the holds they cause, and usage decisions.

-- A result as the QMS sent it, kept until its lot is known (PENDING), then applied (APPLIED), or given up on after the
-- configured time (EXPIRED, with a dead letter). content_hash tells a resend (same id, same content) from a conflict.
CREATE TABLE quality_result (
    result_id           text        PRIMARY KEY,
    source_system       text        NOT NULL,
    lot_id              text        NOT NULL,
    item_id             text,
    production_order_id text,
    inspection_plan_id  text,
    verdict             text        NOT NULL,
    measurements        text        NOT NULL,
    inspector_id        text,
    inspected_at        timestamptz NOT NULL,
    received_at         timestamptz NOT NULL,
    status              text        NOT NULL,
    applied_at          timestamptz,
    content_hash        text        NOT NULL
);
CREATE INDEX quality_result_lot ON quality_result (lot_id);
CREATE INDEX quality_result_pending ON quality_result (received_at) WHERE status = 'PENDING';

CREATE TABLE quality_hold (
    hold_id      text        PRIMARY KEY,
    plant_id     text        NOT NULL,
    cause        text        NOT NULL,
    reason       text        NOT NULL,
    resource_id  text,
    window_from  timestamptz,
    window_to    timestamptz,
    result_id    text,
    incident_id  text,
    status       text        NOT NULL,
    placed_at    timestamptz NOT NULL,
    released_at  timestamptz,
    release_reason text
);

CREATE TABLE quality_hold_lot (
    hold_id text NOT NULL REFERENCES quality_hold (hold_id),
    lot_id  text NOT NULL,
    PRIMARY KEY (hold_id, lot_id)
);
CREATE INDEX quality_hold_lot_lot ON quality_hold_lot (lot_id);

-- SAP QM's rule: stock leaves quality hold only through a usage decision, one per lot
CREATE TABLE usage_decision (
    lot_id     text        PRIMARY KEY,
    decision   text        NOT NULL,
    code       text,
    reason     text,
    decided_by text,
    decided_at timestamptz NOT NULL
);
