-- Who wrote each of the two values that met: the value that now stands and the one it
-- replaced (or that arrived too late). The supervisor's list names both. Null for a value
-- whose author is not known (stored before field clocks named the device, or made by the
-- server); user_id stays the user whose push met the conflict.
ALTER TABLE sync_conflicts ADD COLUMN losing_user_id uuid;
ALTER TABLE sync_conflicts ADD COLUMN winning_user_id uuid;
