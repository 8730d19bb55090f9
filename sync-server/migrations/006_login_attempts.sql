-- Failed sign-ins per client address, shared by all server instances: a guesser spraying
-- many usernames from one address is slowed down even before any one account locks.
CREATE TABLE login_attempts (
  address text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at);
