-- Server-side settings that must stay stable across restarts, e.g. the key behind the
-- pseudonyms of the evaluators' export (same client, same pseudonym, export after export).
CREATE TABLE server_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
