-- Spare parts of the simulated ERP's item master: what maintenance-service posts as spare-parts demand (M3).
insert into item (item_id, description, item_type, base_unit_of_measure, list_price, currency) values
    ('SP-HYD-SEAL',    'Hydraulic seal kit',          'SPARE_PART', 'EA',  85.00, 'EUR'),
    ('SP-SPINDLE-BRG', 'Spindle bearing set',         'SPARE_PART', 'EA', 640.00, 'EUR'),
    ('SP-COOLANT-PMP', 'Coolant pump',                'SPARE_PART', 'EA', 310.00, 'EUR');
