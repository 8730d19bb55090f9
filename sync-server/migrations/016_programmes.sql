-- A city's programmes are data, not code: another city lists its own. Seeded with
-- Ostrava's pilot (004_*). `housing`: the household has a flat and a lease; `lease_max_months`:
-- a lease ends within that many months of its start (crisis housing: 6); `colour`: its chip.
-- A programme's contact rule is a row of contact_rules (edited by an admin); one without a
-- rule requires nothing (src/core/rules/defaults.ts `ruleFor`).
CREATE TABLE programmes (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  housing boolean NOT NULL DEFAULT false,
  lease_max_months int CHECK (lease_max_months BETWEEN 1 AND 120),
  colour text NOT NULL DEFAULT 'grey'
    CHECK (colour IN ('red', 'teal', 'green', 'violet', 'orange', 'blue', 'grey')),
  position int NOT NULL DEFAULT 0
);
INSERT INTO programmes (code, name, housing, lease_max_months, colour, position) VALUES
  ('crisis_housing', 'Krizové bydlení', true, 6, 'red', 1),
  ('social_housing', 'Sociální bydlení', true, NULL, 'teal', 2),
  ('affordable_housing', 'Dostupné bydlení', true, NULL, 'green', 3),
  ('family_prevention', 'Prevence ohrožení rodiny', false, NULL, 'violet', 4),
  ('field_work', 'Terénní program', false, NULL, 'orange', 5);
