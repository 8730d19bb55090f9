-- Comments on and sign-offs of plan revisions sync as records of their own (append-only).
ALTER TABLE records DROP CONSTRAINT records_type_check;
ALTER TABLE records ADD CONSTRAINT records_type_check
  CHECK (type IN ('household', 'person', 'enrolment', 'contact', 'plan', 'planReview'));

-- Who resolved a logged conflict or a quarantined edit, how, and when.
ALTER TABLE sync_conflicts ADD COLUMN resolved_by uuid REFERENCES users (id);
ALTER TABLE sync_conflicts ADD COLUMN resolution text;
ALTER TABLE sync_quarantine ADD COLUMN resolved_by uuid REFERENCES users (id);
ALTER TABLE sync_quarantine ADD COLUMN resolution text;

-- Supervisors resolving sync problems and managers anonymising cases are audited too.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('view', 'change', 'refused', 'export', 'login', 'login_failed', 'logout', 'admin', 'resolve', 'anonymise'));

-- Households whose personal data was removed after their retention period (GDPR art. 17):
-- the statistical remainder stays for indicators, the person cannot be identified.
CREATE TABLE anonymisations (
  household_id uuid PRIMARY KEY,
  approved_by uuid NOT NULL REFERENCES users (id),
  approved_at timestamptz NOT NULL DEFAULT now()
);
