-- Organisation, people who log in, their devices and sessions.
CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  team_id uuid REFERENCES teams (id),
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('worker', 'supervisor', 'manager', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL DEFAULT '',
  revoked_at timestamptz,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions: only a hash of the token is stored, so a leaked table grants nothing.
-- Kept in the database (not in memory) so several server instances share them.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  device_id uuid NOT NULL REFERENCES devices (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Commit-ordered change numbers: the single row is locked by each writing transaction
-- until it commits, so a higher number is never visible before a lower one.
CREATE TABLE change_counter (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

-- Every synced record, one row per id, the record itself as validated JSON.
-- household_id and team_id are the access scope; seq is the pull cursor.
CREATE TABLE records (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('household', 'person', 'enrolment', 'contact', 'plan')),
  household_id uuid NOT NULL,
  team_id uuid NOT NULL REFERENCES teams (id),
  data jsonb NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX records_team_seq ON records (team_id, seq);
CREATE INDEX records_household ON records (household_id);
CREATE INDEX records_enrolment_worker ON records ((data ->> 'workerId')) WHERE type = 'enrolment';
