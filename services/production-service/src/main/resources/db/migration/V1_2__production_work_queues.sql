-- MES dispatch and confirmation processing are work items of the kit's work queue now (kit_work_item): the rows keep
-- how many attempts it took; the queue state columns go.
INSERT INTO kit_work_item (queue, item_key, payload, correlation_id, traceparent, attempts, next_attempt_at, last_error, created_at)
SELECT 'production.mes-dispatch', id, id, correlation_id, traceparent, dispatch_attempts, now(), last_dispatch_error, created_at
  FROM production_order WHERE status = 'RELEASED' ORDER BY created_at;
INSERT INTO kit_work_item (queue, item_key, ordering_key, payload, correlation_id, traceparent, attempts, next_attempt_at, last_error, created_at)
SELECT 'production.confirmation', confirmation_id, production_order_id, raw_payload, correlation_id, traceparent, attempts, now(), last_error, received_at
  FROM mes_confirmation WHERE status IN ('RECEIVED', 'VALIDATED') ORDER BY seq;
DROP INDEX IF EXISTS production_order_dispatch_idx;
ALTER TABLE production_order DROP COLUMN next_dispatch_at;
ALTER TABLE production_order DROP COLUMN last_dispatch_error;
ALTER TABLE mes_confirmation DROP COLUMN next_attempt_at;
ALTER TABLE mes_confirmation DROP COLUMN last_error;
