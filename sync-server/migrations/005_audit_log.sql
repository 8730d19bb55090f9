-- Who viewed, changed or exported which record, from which device, and when: never the
-- content. Append-only: the database itself refuses to change or delete a row.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  logged_at timestamptz NOT NULL DEFAULT now(),
  -- When it happened on the device (a view made offline is uploaded later).
  occurred_at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users (id),
  device_id uuid,
  action text NOT NULL CHECK (action IN ('view', 'change', 'refused', 'export', 'login', 'login_failed', 'logout', 'admin')),
  record_type text,
  record_id uuid,
  -- Set for events uploaded by a device, so a retried upload is not logged twice.
  event_id uuid UNIQUE
);
CREATE INDEX audit_log_record ON audit_log (record_id);
CREATE INDEX audit_log_user ON audit_log (user_id, logged_at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
