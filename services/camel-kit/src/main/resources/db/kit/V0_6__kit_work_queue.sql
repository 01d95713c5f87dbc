-- Durable work queues: work written in the transaction that creates it, leased by a consumer, deleted when done.
CREATE SEQUENCE kit_work_item_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE kit_work_item (
    id              BIGINT PRIMARY KEY DEFAULT nextval('kit_work_item_seq'),
    queue           VARCHAR(100) NOT NULL,
    item_key        VARCHAR(300) NOT NULL,
    ordering_key    VARCHAR(300),
    payload         TEXT,
    correlation_id  VARCHAR(100),
    traceparent     VARCHAR(100),
    dead_letter_id  UUID,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by      VARCHAR(200),
    last_error      TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
-- One waiting item per queue and business key: enqueueing the same work twice is a no-op.
CREATE UNIQUE INDEX kit_work_item_key_idx ON kit_work_item (queue, item_key);
-- The claim: due items of a queue, oldest due first.
CREATE INDEX kit_work_item_due_idx ON kit_work_item (queue, next_attempt_at, id);
-- "Is an older item of my ordering key still there?"
CREATE INDEX kit_work_item_ordering_idx ON kit_work_item (ordering_key, id) WHERE ordering_key IS NOT NULL;
