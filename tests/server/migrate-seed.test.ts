import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contact, Enrolment, Household } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { migrate } from '../../sync-server/db/migrate';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';

describe.each(BACKENDS)('migrations and demo data on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
  });
  afterAll(() => drop());

  it('applies nothing twice', async () => {
    expect(await migrate(db)).toEqual([]);
    const applied = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
    expect(applied.map((r) => r.name)).toContain('001_initial.sql');
  });

  it('seeds a fake organisation once, with records the shared schemas accept', async () => {
    const summary = await seedDemo(db);
    expect(summary?.households).toBe(35);
    expect(await seedDemo(db)).toBeNull();

    const users = await db.query<{ role: string }>('SELECT role FROM users ORDER BY role');
    expect(users.map((u) => u.role)).toEqual([
      'admin',
      'manager',
      'supervisor',
      'worker',
      'worker',
    ]);

    const rows = await db.query<{ type: string; data: unknown }>('SELECT type, data FROM records');
    const households = rows
      .filter((r) => r.type === 'household')
      .map((r) => Household.parse(r.data));
    const enrolments = rows
      .filter((r) => r.type === 'enrolment')
      .map((r) => Enrolment.parse(r.data));
    const contacts = rows.filter((r) => r.type === 'contact').map((r) => Contact.parse(r.data));
    expect(households).toHaveLength(35);
    expect(new Set(households.map((h) => h.district)).size).toBeGreaterThan(3);
    expect(new Set(enrolments.map((e) => e.programme))).toEqual(
      new Set([
        'crisis_housing',
        'social_housing',
        'affordable_housing',
        'family_prevention',
        'field_work',
      ]),
    );
    expect(contacts.length).toBe(summary?.contacts);
    expect(contacts.length).toBeGreaterThan(100);
    // Crisis leases end at most 6 months after they start.
    for (const e of enrolments.filter((x) => x.programme === 'crisis_housing')) {
      expect(e.lease?.end).toBeTruthy();
    }
  });

  it('numbers changes without gaps or repeats', async () => {
    const rows = await db.query<{ seq: number }>('SELECT seq FROM records ORDER BY seq');
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const [counter] = await db.query<{ value: number }>('SELECT value FROM change_counter');
    expect(Number(counter?.value)).toBe(seqs.length);
  });
});
