-- The hybrid-logical-clock time of the last accepted change of each field of a record,
-- so concurrent edits are ordered by when they were made, not when they arrived.
ALTER TABLE records ADD COLUMN field_clock jsonb NOT NULL DEFAULT '{}'::jsonb;
