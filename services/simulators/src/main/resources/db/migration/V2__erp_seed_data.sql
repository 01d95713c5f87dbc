-- Master data, stock and released production orders the simulator starts with (documented in the README).

insert into customer (customer_id, name, payment_terms, currency, credit_limit, credit_blocked) values
    ('C-1001', 'Acme Fabrication GmbH', 'NET30',   'EUR', 500000, false),
    ('C-1002', 'Globex Tooling Ltd',    'NET60',   'EUR', 100000, false),
    ('C-9001', 'Initech Salvage',       'PREPAID', 'EUR',      0, true);

insert into item (item_id, description, item_type, base_unit_of_measure, list_price, currency) values
    ('FG-100', 'Hydraulic valve assembly', 'FINISHED',      'EA', 125.00, 'EUR'),
    ('FG-200', 'Pump housing',             'FINISHED',      'EA', 310.50, 'EUR'),
    ('SF-150', 'Valve body, machined',     'SEMI_FINISHED', 'EA',  42.00, 'EUR'),
    ('RM-300', 'Steel bar 40 mm',          'RAW',           'KG',   2.35, 'EUR'),
    ('RM-310', 'O-ring set',               'RAW',           'EA',   0.80, 'EUR');

insert into stock_seed (item_id, plant, location, lot, status, quantity, unit_of_measure) values
    ('FG-100', '1000', 'FG01', 'L-FG100-0001', 'UNRESTRICTED',   500, 'EA'),
    ('FG-200', '1000', 'FG01', 'L-FG200-0001', 'UNRESTRICTED',    20, 'EA'),
    ('FG-200', '1000', 'FG01', 'L-FG200-0002', 'QUALITY_HOLD',    15, 'EA'),
    ('SF-150', '1000', 'WIP1', 'L-SF150-0001', 'UNRESTRICTED',   200, 'EA'),
    ('RM-300', '1000', 'RM01', 'L-RM300-0001', 'UNRESTRICTED', 10000, 'KG'),
    ('RM-310', '1000', 'RM01', 'L-RM310-0001', 'UNRESTRICTED',  5000, 'EA');

insert into stock_balance (item_id, plant, location, lot, status, quantity, unit_of_measure)
select item_id, plant, location, lot, status, quantity, unit_of_measure from stock_seed;

-- Released relative to the migration time so a "released since yesterday" poll finds them.
insert into production_order (production_order_number, item_id, plant, quantity, unit_of_measure, lot,
                              sales_order_number, due_date, released_at, status) values
    ('PO-700001', 'FG-100', '1000',  50, 'EA', 'L-FG100-0002', null, now() + interval '7 days',  now() - interval '2 hours', 'RELEASED'),
    ('PO-700002', 'FG-100', '1000', 120, 'EA', 'L-FG100-0003', null, now() + interval '14 days', now() - interval '1 hour',  'RELEASED');

insert into production_order_operation (production_order_number, operation_number, description, work_center,
                                        resource_id, planned_quantity, unit_of_measure) values
    ('PO-700001', '0010', 'Finish-machine valve body', 'WC-CNC', 'RES-CNC-01',  50, 'EA'),
    ('PO-700001', '0020', 'Assemble and pressure-test', 'WC-ASM', 'RES-ASM-01', 50, 'EA'),
    ('PO-700002', '0010', 'Finish-machine valve body', 'WC-CNC', 'RES-CNC-01', 120, 'EA'),
    ('PO-700002', '0020', 'Assemble and pressure-test', 'WC-ASM', 'RES-ASM-01', 120, 'EA');

insert into production_order_component (production_order_number, item_id, operation_number, required_quantity,
                                        unit_of_measure, lot) values
    ('PO-700001', 'SF-150', '0010',  50, 'EA', 'L-SF150-0001'),
    ('PO-700001', 'RM-310', '0020',  50, 'EA', 'L-RM310-0001'),
    ('PO-700002', 'SF-150', '0010', 120, 'EA', 'L-SF150-0001'),
    ('PO-700002', 'RM-310', '0020', 120, 'EA', 'L-RM310-0001');
