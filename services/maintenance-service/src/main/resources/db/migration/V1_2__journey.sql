-- The journey API (/api/v1/journey) finds incidents by the production orders on the machine and by trace.
CREATE INDEX incident_active_order_idx ON incident (active_production_order_id);
CREATE INDEX incident_trace_idx ON incident (substring(traceparent from 4 for 32));
CREATE INDEX incident_timeline_trace_idx ON incident_timeline (trace_id);
