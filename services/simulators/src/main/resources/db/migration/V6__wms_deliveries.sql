-- The simulated WMS's outbound deliveries: released by order-service (once per deliveryId), shipped on command or at
-- once (auto-ship), the shipment confirmed to order-service.
create table wms_sim.delivery (
    delivery_id      text primary key,
    order_id         text not null,
    payload          jsonb not null,
    deliveries       integer not null,
    received_at      timestamptz not null,
    last_received_at timestamptz not null,
    shipment_id      text,
    shipped_at       timestamptz,
    confirm_status   integer,
    confirm_answer   text
);
create index delivery_order_idx on wms_sim.delivery (order_id);
create sequence wms_sim.shipment_seq;

alter table wms_sim.wms_setting add column order_service_base_url text;
alter table wms_sim.wms_setting add column auto_ship boolean not null default false;
