-- O3 at risk: the lot each production order produced, the quality holds quality-service placed on lots, and the
-- risks they put on orders (one per order and hold, cleared when the hold is released).
ALTER TABLE production_link ADD COLUMN lot_id VARCHAR(50);
CREATE INDEX production_link_lot_idx ON production_link (lot_id);

CREATE TABLE lot_quality_hold (
    hold_id     TEXT NOT NULL,
    lot_id      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (hold_id, lot_id)
);
CREATE INDEX lot_quality_hold_active_idx ON lot_quality_hold (lot_id) WHERE released_at IS NULL;

CREATE TABLE order_risk (
    order_id            VARCHAR(40) NOT NULL REFERENCES sales_order (id),
    reference           TEXT        NOT NULL,
    cause               VARCHAR(30) NOT NULL,
    lot_id              TEXT,
    production_order_id VARCHAR(50),
    reason              TEXT        NOT NULL,
    raised_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at          TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (order_id, reference)
);
CREATE INDEX order_risk_open_idx ON order_risk (reference) WHERE cleared_at IS NULL;
