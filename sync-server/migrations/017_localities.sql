-- A city's known excluded localities and hostels are data: forms offer them, so
-- the same place is written the same way and counted as one. A household's locality name
-- stays free text (a new hostel opens before anyone lists it). Seeded with Ostrava's
-- well-known excluded localities: Dělnická-Skautská in Poruba (000_*), Kunčičky (004_*),
-- Přednádraží, Bedřiška, Hrušov and Zárubek.
CREATE TABLE localities (
  district text NOT NULL REFERENCES districts (code) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('svl', 'hostel')),
  position int NOT NULL DEFAULT 0,
  PRIMARY KEY (district, name)
);
INSERT INTO localities (district, name, kind, position) VALUES
  ('poruba', 'Dělnická-Skautská', 'svl', 1),
  ('slezska-ostrava', 'Kunčičky', 'svl', 2),
  ('slezska-ostrava', 'Hrušov', 'svl', 3),
  ('slezska-ostrava', 'Zárubek', 'svl', 4),
  ('moravska-ostrava', 'Přednádraží', 'svl', 5),
  ('marianske-hory', 'Bedřiška', 'svl', 6);
