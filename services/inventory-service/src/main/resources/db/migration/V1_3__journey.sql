-- The journey API (/api/v1/journey) finds movements by lot, by production order and by the trace they came under.
CREATE INDEX movement_lot_idx ON movement (lot_id);
CREATE INDEX movement_production_order_idx ON movement (production_order_id);
CREATE INDEX movement_trace_idx ON movement (substring(traceparent from 4 for 32));
CREATE INDEX stock_status_sync_lot_idx ON stock_status_sync (lot_id);
