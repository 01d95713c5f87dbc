-- The journey API (/api/v1/journey) finds production orders by sales order, by the lots they made or used, and by
-- the traces their steps ran under.
CREATE INDEX production_order_sales_order_idx ON production_order (sales_order_id);
CREATE INDEX production_order_output_lot_idx ON production_order (output_lot);
CREATE INDEX mes_confirmation_lot_idx ON mes_confirmation (lot_id);
CREATE INDEX production_component_lot_idx ON production_component (lot_id);
CREATE INDEX production_timeline_trace_idx ON production_timeline (trace_id);
