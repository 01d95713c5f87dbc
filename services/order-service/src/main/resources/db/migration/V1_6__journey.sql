-- The journey API (/api/v1/journey) finds orders by their ERP sales order and by the traces their steps ran under.
CREATE INDEX sales_order_erp_number_idx ON sales_order (erp_sales_order_number);
CREATE INDEX order_timeline_trace_idx ON order_timeline (trace_id);
