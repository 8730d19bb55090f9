-- Failed sign-ins under names no account has: counted and locked out exactly as
-- an account's are (users.failed_logins, users.locked_until), so the answers never tell a
-- real username from an unknown one. Keyed by a hash of the name: what people mistype can
-- be a name of their own. Rows untouched for 30 days are removed.
CREATE TABLE unknown_name_failures (
  name_key text PRIMARY KEY,
  failures int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failed_at timestamptz NOT NULL DEFAULT now()
);
