-- Contact-frequency rules of the organisation, one per programme, validated by the shared
-- ContactRule schema. Programmes without a row use the seeded defaults from src/core.
CREATE TABLE contact_rules (
  programme text PRIMARY KEY,
  rule jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
