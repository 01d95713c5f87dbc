-- ERP postings and CRM deliveries are work items of the kit's work queue now (kit_work_item): the order keeps only
-- how many attempts its posting took; the queue state columns and the delivery table go.
DROP INDEX IF EXISTS sales_order_waiting_idx;
ALTER TABLE sales_order DROP COLUMN next_erp_attempt_at;
ALTER TABLE sales_order DROP COLUMN last_erp_error;
-- Milestones not yet delivered move to the CRM work queue (ordered per order).
INSERT INTO kit_work_item (queue, item_key, ordering_key, payload, correlation_id, attempts, next_attempt_at, last_error, created_at)
SELECT 'order.crm-milestone', event_id::text, order_id, payload, correlation_id, attempts, now(), last_error, created_at
  FROM crm_delivery WHERE status = 'PENDING' ORDER BY created_at;
-- Orders still waiting for ERP get their posting queued.
INSERT INTO kit_work_item (queue, item_key, payload, correlation_id, traceparent, attempts, next_attempt_at, created_at)
SELECT 'order.erp-sales-order', id, id, correlation_id, traceparent, erp_attempts, now(), created_at
  FROM sales_order WHERE status IN ('ACCEPTED', 'WAITING_FOR_ERP') ORDER BY created_at;
DROP TABLE crm_delivery;
