-- Offline edits to a case the user lost access to (reassigned, closed): kept for a
-- supervisor to review, never applied blindly and never lost.
CREATE TABLE sync_quarantine (
  id bigserial PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  household_id uuid NOT NULL,
  record_type text NOT NULL,
  record jsonb NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  device_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX sync_quarantine_team ON sync_quarantine (team_id) WHERE resolved_at IS NULL;
