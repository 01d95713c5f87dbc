-- The journey API (/api/v1/journey) finds lots by the production order whose results name them and by the incident
-- whose window hold or hold took them.
CREATE INDEX quality_result_order ON quality_result (production_order_id);
CREATE INDEX quality_hold_incident ON quality_hold (incident_id);
CREATE INDEX window_hold_request_incident ON window_hold_request (incident_id);
CREATE INDEX window_hold_lot_lot ON window_hold_lot (lot_id);
