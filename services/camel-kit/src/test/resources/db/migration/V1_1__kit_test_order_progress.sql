-- The test application's own state, written in the same transaction as its outbox events.
CREATE TABLE kit_test_order_progress (
    id          UUID PRIMARY KEY,
    order_id    VARCHAR(100) NOT NULL,
    step        VARCHAR(50) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kit_test_order_progress_order_idx ON kit_test_order_progress (order_id);
