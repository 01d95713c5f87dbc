-- Lot genealogy, built from production-service's events: which lots a production order consumed and which it
-- produced, on which resources and operations, when, and for which sales order. Links are not stored: the lots of
-- one production order's consumption are "made from" for every lot it produced, whichever event arrived first.

CREATE TABLE production_run (
    production_order_id text PRIMARY KEY,
    plant_id            text,
    item_id             text,
    sales_order_id      text,
    released_at         timestamptz
);

-- When a production order was worked on a resource and operation: first and last confirmation seen there
CREATE TABLE production_activity (
    production_order_id text        NOT NULL,
    resource_id         text        NOT NULL,
    operation_number    text        NOT NULL DEFAULT '',
    first_at            timestamptz NOT NULL,
    last_at             timestamptz NOT NULL,
    PRIMARY KEY (production_order_id, resource_id, operation_number)
);
CREATE INDEX production_activity_resource ON production_activity (resource_id, first_at, last_at);

-- Good output with a lot (COMPLETION confirmations)
CREATE TABLE lot_output (
    confirmation_id     text          PRIMARY KEY,
    production_order_id text          NOT NULL,
    lot_id              text          NOT NULL,
    item_id             text          NOT NULL,
    quantity            numeric(18,3) NOT NULL,
    unit                text          NOT NULL,
    resource_id         text          NOT NULL,
    occurred_at         timestamptz   NOT NULL
);
CREATE INDEX lot_output_lot ON lot_output (lot_id);
CREATE INDEX lot_output_order ON lot_output (production_order_id);

-- Component lots issued to a production order (CONSUMPTION confirmations)
CREATE TABLE lot_consumption (
    confirmation_id     text          PRIMARY KEY,
    production_order_id text          NOT NULL,
    lot_id              text          NOT NULL,
    item_id             text          NOT NULL,
    quantity            numeric(18,3) NOT NULL,
    unit                text          NOT NULL,
    occurred_at         timestamptz   NOT NULL
);
CREATE INDEX lot_consumption_lot ON lot_consumption (lot_id);
CREATE INDEX lot_consumption_order ON lot_consumption (production_order_id);
