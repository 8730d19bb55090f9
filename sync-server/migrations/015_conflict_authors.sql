-- Whose value lost: when a colleague's concurrent edit replaces a value a device
-- had already got accepted, that device is told on its next pull. Null when the loser is the
-- pushing device itself (its push result says so) or when its author is not known (a change
-- the server made, or one stored before field clocks named the device).
ALTER TABLE sync_conflicts ADD COLUMN losing_device_id uuid;
CREATE INDEX sync_conflicts_losing_device ON sync_conflicts (losing_device_id, id)
  WHERE losing_device_id IS NOT NULL;
