-- Q4: "every lot made on resource R between t1 and t2" (an operator, or maintenance for a machine anomaly). The request
-- keeps its criteria and the lots they resolved to; each lot gets a hold of its own, released by its own usage decision.
CREATE TABLE window_hold_request (
    request_id   text        PRIMARY KEY,
    plant_id     text        NOT NULL,
    resource_id  text        NOT NULL,
    window_from  timestamptz NOT NULL,
    window_to    timestamptz NOT NULL,
    cause        text        NOT NULL,
    reason       text        NOT NULL,
    incident_id  text,
    requested_at timestamptz NOT NULL
);

CREATE TABLE window_hold_lot (
    request_id text NOT NULL REFERENCES window_hold_request (request_id),
    lot_id     text NOT NULL,
    hold_id    text NOT NULL,
    PRIMARY KEY (request_id, lot_id)
);
