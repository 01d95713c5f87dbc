-- A failed replay, or the same problem again under the same key, updates one dead letter instead of adding copies.
ALTER TABLE kit_dead_letter ADD COLUMN occurrences INTEGER NOT NULL DEFAULT 1;
ALTER TABLE kit_dead_letter ADD COLUMN dedupe_key VARCHAR(500);
CREATE INDEX kit_dead_letter_key_idx ON kit_dead_letter (route_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
