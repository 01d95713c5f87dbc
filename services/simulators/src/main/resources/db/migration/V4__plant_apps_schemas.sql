-- MES, WMS and CRM simulators (docs/contracts/plant-apps.md), each in its own schema.

create schema if not exists mes_sim;
create schema if not exists wms_sim;
create schema if not exists crm_sim;

-- ===== MES =====
create table mes_sim.mes_setting (
    id                          integer      primary key check (id = 1),
    production_service_base_url varchar(500),
    auto_acknowledge            boolean      not null default true,
    ack_delay_ms                bigint       not null default 0
);
insert into mes_sim.mes_setting (id) values (1);

-- One row per production order dispatched to the MES (the dispatch key).
create table mes_sim.work_order (
    production_order_id varchar(40)  primary key,
    mes_work_order_id   varchar(60)  not null,
    status              varchar(20)  not null,
    payload             jsonb        not null,
    dispatch_count      integer      not null,
    received_at         timestamptz  not null,
    last_received_at    timestamptz  not null,
    correlation_id      varchar(200),
    acknowledged_at     timestamptz,
    ack_attempts        integer      not null default 0,
    ack_outcome         varchar(300)
);

-- Confirmation ids the MES makes up when a test leaves them out; never restarted.
create sequence mes_sim.confirmation_id_seq start with 1;

-- Every confirmation the MES sent to production-service (resends included) and the answer it got.
create table mes_sim.confirmation_send (
    id              bigserial    primary key,
    confirmation_id varchar(100) not null,
    payload         jsonb        not null,
    sent_at         timestamptz  not null,
    http_status     integer      not null,
    duplicate       boolean      not null default false,
    error           varchar(1000)
);
create index confirmation_send_id_idx on mes_sim.confirmation_send (confirmation_id);

-- ===== WMS =====
create table wms_sim.wms_setting (
    id                         integer      primary key check (id = 1),
    inventory_service_base_url varchar(500)
);
insert into wms_sim.wms_setting (id) values (1);

-- Stock status changes inventory-service asked for (the key is requestId).
create table wms_sim.stock_status_request (
    request_id       varchar(200) primary key,
    payload          jsonb        not null,
    deliveries       integer      not null,
    received_at      timestamptz  not null,
    last_received_at timestamptz  not null,
    correlation_id   varchar(200)
);

create sequence wms_sim.receipt_id_seq start with 1;

-- Every receipt the WMS sent to inventory-service and the answer it got.
create table wms_sim.receipt_send (
    id          bigserial    primary key,
    receipt_id  varchar(100) not null,
    payload     jsonb        not null,
    sent_at     timestamptz  not null,
    http_status integer      not null,
    duplicate   boolean      not null default false,
    error       varchar(1000)
);

-- ===== CRM =====
-- Milestones received on the webhook, once per eventId, with how often each was delivered.
create table crm_sim.milestone (
    event_id          varchar(200) primary key,
    order_id          varchar(100),
    crm_order_id      varchar(100),
    milestone         varchar(60)  not null,
    payload           jsonb        not null,
    deliveries        integer      not null,
    received_at       timestamptz  not null,
    last_received_at  timestamptz  not null,
    correlation_id    varchar(200)
);
create index milestone_crm_order_idx on crm_sim.milestone (crm_order_id);
