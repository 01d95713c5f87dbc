-- Dead letters: every message a flow gave up on, with the reason and everything needed to replay it.
CREATE TABLE kit_dead_letter (
    id              UUID PRIMARY KEY,
    route_id        VARCHAR(200) NOT NULL,
    endpoint_uri    VARCHAR(1000),
    failed_endpoint VARCHAR(1000),
    reason          TEXT NOT NULL,
    exception_type  VARCHAR(500),
    stack_trace     TEXT,
    payload         BYTEA,
    headers         TEXT NOT NULL,
    correlation_id  VARCHAR(100),
    status          VARCHAR(20) NOT NULL,
    replay_count    INTEGER NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kit_dead_letter_status_idx ON kit_dead_letter (status, created_at);
CREATE INDEX kit_dead_letter_route_idx ON kit_dead_letter (route_id, created_at);
