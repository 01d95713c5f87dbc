-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka afterwards.
CREATE SEQUENCE kit_outbox_event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE kit_outbox_event (
    id             UUID PRIMARY KEY,
    seq            BIGINT NOT NULL DEFAULT nextval('kit_outbox_event_seq'),
    event_type     VARCHAR(200) NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    source         VARCHAR(200) NOT NULL,
    data           TEXT NOT NULL,
    correlation_id VARCHAR(100),
    traceparent    VARCHAR(100),
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE,
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT
);
CREATE UNIQUE INDEX kit_outbox_event_seq_idx ON kit_outbox_event (seq);
CREATE INDEX kit_outbox_event_pending_idx ON kit_outbox_event (seq) WHERE published_at IS NULL;
