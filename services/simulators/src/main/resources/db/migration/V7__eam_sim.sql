-- The simulated EAM/CMMS: work requests Millwright raises (once per externalId) and the status updates it sends.
create schema if not exists eam_sim;

create table eam_sim.work_request (
    external_id      varchar(80) primary key,
    work_request_id  text not null unique,
    asset_id         text not null,
    status           text not null,
    payload          jsonb not null,
    deliveries       integer not null,
    traceparent      text,
    received_at      timestamptz not null,
    last_received_at timestamptz not null
);
create index work_request_asset_idx on eam_sim.work_request (asset_id);

create sequence eam_sim.work_request_seq;

-- Every status update, in the order received; the last one is the work request's status.
create table eam_sim.status_update (
    id          bigserial primary key,
    external_id varchar(80) not null references eam_sim.work_request (external_id) on delete cascade,
    status      text not null,
    note        text,
    at          timestamptz,
    received_at timestamptz not null,
    traceparent text
);
create index status_update_request_idx on eam_sim.status_update (external_id);
