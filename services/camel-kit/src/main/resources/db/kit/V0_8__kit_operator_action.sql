-- What people and systems did by hand: dead-letter replay and discard, holds and releases, re-postings,
-- reconciliation runs. Who (the token's user or client), when, what, on which subject. Never updated or deleted.
CREATE TABLE kit_operator_action (
    id             UUID PRIMARY KEY,
    at             TIMESTAMPTZ   NOT NULL,
    actor          VARCHAR(200)  NOT NULL,
    client_id      VARCHAR(200),
    action         VARCHAR(100)  NOT NULL,
    subject        VARCHAR(500)  NOT NULL,
    detail         VARCHAR(2000),
    correlation_id VARCHAR(100)
);
CREATE INDEX kit_operator_action_at_idx ON kit_operator_action (at DESC);
CREATE INDEX kit_operator_action_subject_idx ON kit_operator_action (subject);
