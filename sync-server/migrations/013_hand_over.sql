-- A change the server refused can be handed over by its author to the team's supervisor
--: it waits beside the held-back edits, with why it was refused. The device's
-- mutation id makes a retried hand-over a no-op.
ALTER TABLE sync_quarantine ADD COLUMN reason text;
ALTER TABLE sync_quarantine ADD COLUMN mutation_id uuid;
CREATE UNIQUE INDEX sync_quarantine_mutation ON sync_quarantine (device_id, mutation_id)
  WHERE mutation_id IS NOT NULL;
