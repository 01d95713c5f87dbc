-- Q2: a quality case (non-conformance) per failed result, opened in the QMS by our case id (the QMS's own id kept)
CREATE TABLE quality_case (
    case_id     text        PRIMARY KEY,
    result_id   text        NOT NULL,
    hold_id     text,
    lot_id      text        NOT NULL,
    title       text        NOT NULL,
    qms_case_id text,
    status      text        NOT NULL,
    requested_at timestamptz NOT NULL,
    opened_at   timestamptz
);
CREATE INDEX quality_case_lot ON quality_case (lot_id);
