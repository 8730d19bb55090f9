-- The city's districts are data, not code: another city lists its own. Seeded
-- with Ostrava's, the reference pilot's; the names are what forms and reports show.
CREATE TABLE districts (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name text NOT NULL,
  position int NOT NULL DEFAULT 0
);
INSERT INTO districts (code, name, position) VALUES
  ('marianske-hory', 'Mariánské Hory a Hulváky', 1),
  ('moravska-ostrava', 'Moravská Ostrava a Přívoz', 2),
  ('ostrava-jih', 'Ostrava-Jih', 3),
  ('poruba', 'Poruba', 4),
  ('slezska-ostrava', 'Slezská Ostrava', 5),
  ('vitkovice', 'Vítkovice', 6),
  ('other', 'Jiný obvod', 99);
