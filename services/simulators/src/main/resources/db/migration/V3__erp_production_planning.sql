-- Production planning in the simulated ERP: routings and bills of material per manufactured item, production
-- orders created from them (released now or later), where a release is announced, and the outbound call log.

create table routing_operation (
    item_id          varchar(40)  not null references item (item_id),
    operation_number varchar(10)  not null,
    description      varchar(200) not null,
    work_center      varchar(20)  not null,
    resource_id      varchar(40)  not null,
    primary key (item_id, operation_number)
);

-- quantity_per_unit of the component per one unit of the manufactured item
create table bom_component (
    item_id           varchar(40)    not null references item (item_id),
    component_item_id varchar(40)    not null references item (item_id),
    operation_number  varchar(10)    not null,
    quantity_per_unit numeric(18, 6) not null,
    primary key (item_id, component_item_id, operation_number)
);

insert into routing_operation (item_id, operation_number, description, work_center, resource_id) values
    ('FG-100', '0010', 'Finish-machine valve body',  'WC-CNC', 'RES-CNC-01'),
    ('FG-100', '0020', 'Assemble and pressure-test', 'WC-ASM', 'RES-ASM-01'),
    ('FG-200', '0010', 'Machine pump housing',       'WC-CNC', 'RES-CNC-01'),
    ('FG-200', '0020', 'Assemble and leak-test',     'WC-ASM', 'RES-ASM-01');

insert into bom_component (item_id, component_item_id, operation_number, quantity_per_unit) values
    ('FG-100', 'SF-150', '0010', 1),
    ('FG-100', 'RM-310', '0020', 1),
    ('FG-200', 'RM-300', '0010', 4.5),
    ('FG-200', 'RM-310', '0020', 2);

-- Orders created by the simulator (origin CREATED) are removed by a reset; the seeded ones stay.
-- A created order that is not released yet has no released_at.
alter table production_order add column origin varchar(10) not null default 'SEED';
alter table production_order alter column released_at drop not null;

-- Numbers are never restarted (not even by a reset): a production order number or lot reaches other
-- systems' databases, which must not see the same number twice for different orders.
create sequence production_order_number_seq start with 700101;
create sequence production_lot_seq start with 1001;

-- One row: where the ERP announces released production orders, and whether sales orders release by themselves.
create table erp_setting (
    id                    integer      primary key check (id = 1),
    release_callback_url  varchar(500),
    auto_release          boolean      not null default false,
    auto_release_delay_ms bigint       not null default 500
);
insert into erp_setting (id) values (1);

-- Outbound calls (ReleaseProductionOrder) share the call log; detail holds the answer or the error.
alter table erp_call add column detail varchar(1000);
