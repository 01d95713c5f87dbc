-- ERP movement postings and stock status changes are work items of the kit's work queue now (kit_work_item), in
-- order per item and lot: the rows keep how many attempts it took; the queue state columns go.
INSERT INTO kit_work_item (queue, item_key, ordering_key, payload, correlation_id, traceparent, attempts, next_attempt_at, last_error, created_at)
SELECT 'inventory.erp-movement', movement_id, 'erp:' || item_id || '/' || COALESCE(lot_id, ''), movement_id, correlation_id, traceparent,
       erp_attempts, now(), last_erp_error, created_at
  FROM movement WHERE erp_state = 'PENDING' ORDER BY created_at, movement_id;
INSERT INTO kit_work_item (queue, item_key, ordering_key, payload, correlation_id, attempts, next_attempt_at, last_error, created_at)
SELECT CASE target WHEN 'ERP' THEN 'inventory.erp-stock-status' ELSE 'inventory.wms-stock-status' END, request_id,
       CASE target WHEN 'ERP' THEN 'erp:' ELSE 'wms:' END || item_id || '/' || lot_id, id::text, correlation_id, attempts, now(),
       last_error, created_at
  FROM stock_status_sync WHERE state = 'PENDING' ORDER BY id;
DROP INDEX IF EXISTS movement_pending_idx;
DROP INDEX IF EXISTS stock_status_sync_pending_idx;
ALTER TABLE movement DROP COLUMN next_erp_attempt_at;
ALTER TABLE movement DROP COLUMN last_erp_error;
ALTER TABLE stock_status_sync DROP COLUMN next_attempt_at;
ALTER TABLE stock_status_sync DROP COLUMN last_error;
