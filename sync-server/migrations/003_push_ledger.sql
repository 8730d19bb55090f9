-- Exactly-once apply: every device mutation is recorded with a hash of its payload and the
-- result sent back. A retry gets the stored result; the same id with another payload is refused.
CREATE TABLE sync_ledger (
  device_id uuid NOT NULL REFERENCES devices (id),
  mutation_id uuid NOT NULL,
  payload_hash text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, mutation_id)
);

-- Values that lost a concurrent edit, for a supervisor to see; nothing is silently dropped.
CREATE TABLE sync_conflicts (
  id bigserial PRIMARY KEY,
  record_id uuid NOT NULL,
  record_type text NOT NULL,
  team_id uuid NOT NULL REFERENCES teams (id),
  field text NOT NULL,
  losing_value jsonb,
  winning_value jsonb,
  user_id uuid NOT NULL REFERENCES users (id),
  device_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX sync_conflicts_team ON sync_conflicts (team_id) WHERE resolved_at IS NULL;
