-- An outbox row that can never be published (e.g. it no longer passes its schema) is dead-lettered, not retried forever.
ALTER TABLE kit_outbox_event ADD COLUMN dead_lettered_at TIMESTAMP WITH TIME ZONE;
DROP INDEX kit_outbox_event_pending_idx;
CREATE INDEX kit_outbox_event_pending_idx ON kit_outbox_event (seq) WHERE published_at IS NULL AND dead_lettered_at IS NULL;
