-- M1: every machine event taken from the edge, once per (source, sequence): the deduplication key of the edge contract
CREATE TABLE machine_event (
    source_id        VARCHAR(200) NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    plant_id         VARCHAR(100) NOT NULL,
    asset_id         VARCHAR(100) NOT NULL,
    event_type       VARCHAR(60)  NOT NULL,
    fault_code       VARCHAR(100),
    severity         VARCHAR(20),
    occurred_at      TIMESTAMPTZ  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    event_id         VARCHAR(300),
    traceparent      VARCHAR(60),
    -- what became of it: GROUPED (into an incident), BELOW_SEVERITY, STATE
    outcome          VARCHAR(30)  NOT NULL,
    incident_id      VARCHAR(40),
    PRIMARY KEY (source_id, sequence_number)
);
CREATE INDEX machine_event_received_idx ON machine_event (received_at);

-- M1: the highest sequence number seen per source, and the gaps found in it
CREATE TABLE edge_source (
    source_id        VARCHAR(200) PRIMARY KEY,
    plant_id         VARCHAR(100) NOT NULL,
    highest_sequence BIGINT       NOT NULL,
    events           BIGINT       NOT NULL,
    duplicates       BIGINT       NOT NULL DEFAULT 0,
    gaps             BIGINT       NOT NULL DEFAULT 0,
    missing          BIGINT       NOT NULL DEFAULT 0,
    last_gap         VARCHAR(100),
    last_gap_at      TIMESTAMPTZ,
    last_event_at    TIMESTAMPTZ  NOT NULL
);

-- M1: alerts of one asset and fault grouped as Alertmanager groups them. PENDING waits out group-wait, OPEN is an
-- incident, DISCARDED cleared within group-wait (noise), RESOLVED stayed cleared for resolve-after.
CREATE SEQUENCE incident_seq;
CREATE TABLE incident (
    incident_id          VARCHAR(40)  PRIMARY KEY,
    plant_id             VARCHAR(100) NOT NULL,
    asset_id             VARCHAR(100) NOT NULL,
    fault_code           VARCHAR(100) NOT NULL,
    fault_description    VARCHAR(500),
    severity             VARCHAR(20)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    firing               BOOLEAN      NOT NULL,
    alert_count          INTEGER      NOT NULL,
    first_alert_at       TIMESTAMPTZ  NOT NULL,
    last_alert_at        TIMESTAMPTZ  NOT NULL,
    cleared_at           TIMESTAMPTZ,
    received_at          TIMESTAMPTZ  NOT NULL,
    -- when the clock looks at it next: the end of group-wait (PENDING) or of resolve-after (OPEN, cleared)
    due_at               TIMESTAMPTZ,
    opened_at            TIMESTAMPTZ,
    resolved_at          TIMESTAMPTZ,
    resource_id          VARCHAR(100) NOT NULL,
    work_center_id       VARCHAR(100),
    cost_center          VARCHAR(100) NOT NULL,
    -- M2/M4: the work orders on the resource when it opened (production-service), once asked
    correlated_at        TIMESTAMPTZ,
    active_production_order_id VARCHAR(100),
    affected_production_order_ids TEXT,
    -- M2: the EAM's work request
    eam_work_request_id  VARCHAR(100),
    eam_status           VARCHAR(30),
    -- X1: the trace of the first alert, continued by everything the incident causes
    traceparent          VARCHAR(60),
    correlation_id       VARCHAR(100)
);
CREATE UNIQUE INDEX incident_active_idx ON incident (plant_id, asset_id, fault_code) WHERE status IN ('PENDING', 'OPEN');
CREATE INDEX incident_due_idx ON incident (due_at) WHERE status IN ('PENDING', 'OPEN');
CREATE INDEX incident_resource_idx ON incident (resource_id, first_alert_at);

-- every step of an incident, with its trace id
CREATE TABLE incident_timeline (
    id           BIGSERIAL    PRIMARY KEY,
    incident_id  VARCHAR(40)  NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    step         VARCHAR(40)  NOT NULL,
    system       VARCHAR(40)  NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    trace_id     VARCHAR(40)
);
CREATE INDEX incident_timeline_idx ON incident_timeline (incident_id, id);

-- M1: machine states per asset, one row per period (the open one has no end): downtime is every period not RUNNING
CREATE TABLE machine_state_period (
    id              BIGSERIAL    PRIMARY KEY,
    plant_id        VARCHAR(100) NOT NULL,
    asset_id        VARCHAR(100) NOT NULL,
    resource_id     VARCHAR(100) NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    fault_code      VARCHAR(100),
    fault_description VARCHAR(500),
    started_at      TIMESTAMPTZ  NOT NULL,
    ended_at        TIMESTAMPTZ
);
CREATE UNIQUE INDEX machine_state_open_idx ON machine_state_period (plant_id, asset_id) WHERE ended_at IS NULL;
CREATE INDEX machine_state_resource_idx ON machine_state_period (resource_id, started_at);
