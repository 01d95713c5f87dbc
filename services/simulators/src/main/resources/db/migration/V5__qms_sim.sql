-- The simulated QMS/LIMS: quality cases Millwright opens (once per caseId), the results it sent, its settings.
create schema if not exists qms_sim;

create table qms_sim.quality_case (
    case_id          text primary key,
    qms_case_id      text not null unique,
    title            text not null,
    lot_ids          jsonb not null,
    payload          jsonb not null,
    deliveries       integer not null,
    received_at      timestamptz not null,
    last_received_at timestamptz not null
);

create sequence qms_sim.quality_case_seq;

create table qms_sim.result_send (
    id          bigserial primary key,
    result_id   text not null,
    lot_id      text not null,
    verdict     text not null,
    body        text not null,
    status      integer not null,
    answer      text,
    sent_at     timestamptz not null
);
create index result_send_result_idx on qms_sim.result_send (result_id);

create table qms_sim.qms_setting (
    id                       integer primary key,
    quality_service_base_url text
);
insert into qms_sim.qms_setting (id) values (1);
