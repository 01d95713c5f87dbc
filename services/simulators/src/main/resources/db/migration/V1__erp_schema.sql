-- ERP simulator schema: master data, stock, sales orders, production orders, postings and the call log.

create table customer (
    customer_id    varchar(20)    primary key,
    name           varchar(200)   not null,
    payment_terms  varchar(20)    not null,
    currency       char(3)        not null,
    credit_limit   numeric(15, 2) not null,
    credit_blocked boolean        not null default false,
    changed_at     timestamptz    not null default now()
);

create table item (
    item_id             varchar(40)    primary key,
    description         varchar(200)   not null,
    item_type           varchar(20)    not null,
    base_unit_of_measure varchar(10)   not null,
    list_price          numeric(15, 4) not null,
    currency            char(3)        not null,
    changed_at          timestamptz    not null default now()
);

-- One row per item/plant/location/lot; the status belongs to the lot.
create table stock_balance (
    id              bigserial      primary key,
    item_id         varchar(40)    not null references item (item_id),
    plant           varchar(10)    not null,
    location        varchar(20)    not null,
    lot             varchar(40),
    status          varchar(20)    not null check (status in ('UNRESTRICTED', 'QUALITY_HOLD', 'BLOCKED')),
    quantity        numeric(18, 3) not null,
    unit_of_measure varchar(10)    not null
);
create unique index stock_balance_position_uk on stock_balance (item_id, plant, location, coalesce(lot, ''));

-- The stock the simulator starts with; POST /sim/erp/reset copies it back into stock_balance.
create table stock_seed (
    item_id         varchar(40)    not null references item (item_id),
    plant           varchar(10)    not null,
    location        varchar(20)    not null,
    lot             varchar(40),
    status          varchar(20)    not null,
    quantity        numeric(18, 3) not null,
    unit_of_measure varchar(10)    not null
);

create sequence sales_order_number_seq start with 100001;

create table sales_order (
    id                      bigserial    primary key,
    sales_order_number      varchar(20)  not null unique,
    external_reference      varchar(100) not null,
    customer_id             varchar(20)  not null references customer (customer_id),
    currency                char(3)      not null,
    requested_delivery_date date,
    status                  varchar(20)  not null,
    created_at              timestamptz  not null default now(),
    constraint sales_order_external_reference_uk unique (external_reference)
);

create table sales_order_line (
    id              bigserial      primary key,
    sales_order_id  bigint         not null references sales_order (id) on delete cascade,
    line_number     integer        not null,
    item_id         varchar(40)    not null references item (item_id),
    quantity        numeric(18, 3) not null,
    unit_of_measure varchar(10)    not null,
    unit_price      numeric(15, 4) not null
);
create index sales_order_line_order_idx on sales_order_line (sales_order_id);

create table production_order (
    production_order_number varchar(20)    primary key,
    item_id                 varchar(40)    not null references item (item_id),
    plant                   varchar(10)    not null,
    quantity                numeric(18, 3) not null,
    unit_of_measure         varchar(10)    not null,
    lot                     varchar(40)    not null,
    sales_order_number      varchar(20),
    due_date                timestamptz    not null,
    released_at             timestamptz    not null,
    status                  varchar(20)    not null
);

create table production_order_operation (
    id                      bigserial      primary key,
    production_order_number varchar(20)    not null references production_order (production_order_number),
    operation_number        varchar(10)    not null,
    description             varchar(200)   not null,
    work_center             varchar(20)    not null,
    resource_id             varchar(40)    not null,
    planned_quantity        numeric(18, 3) not null,
    unit_of_measure         varchar(10)    not null,
    constraint production_order_operation_uk unique (production_order_number, operation_number)
);

create table production_order_component (
    id                      bigserial      primary key,
    production_order_number varchar(20)    not null references production_order (production_order_number),
    item_id                 varchar(40)    not null references item (item_id),
    operation_number        varchar(10)    not null,
    required_quantity       numeric(18, 3) not null,
    unit_of_measure         varchar(10)    not null,
    lot                     varchar(40)
);

create sequence confirmation_document_seq start with 100001;
create sequence movement_document_seq start with 100001;
create sequence downtime_document_seq start with 100001;
create sequence maintenance_cost_document_seq start with 100001;
create sequence stock_status_document_seq start with 100001;

-- Every idempotent posting (confirmation, movement, downtime, maintenance cost, stock status change).
create table posting (
    id              bigserial    primary key,
    posting_type    varchar(30)  not null,
    business_key    varchar(100) not null,
    document_number varchar(20)  not null unique,
    payload         jsonb        not null,
    created_at      timestamptz  not null default now(),
    constraint posting_business_key_uk unique (posting_type, business_key)
);

-- Every SOAP call the simulator received, including the ones rejected by fault injection.
create table erp_call (
    id             bigserial    primary key,
    operation      varchar(60)  not null,
    received_at    timestamptz  not null,
    outcome        varchar(20)  not null,
    business_key   varchar(200),
    correlation_id varchar(200),
    traceparent    varchar(200)
);
