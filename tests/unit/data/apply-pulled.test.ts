import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPulledPage, CURSOR_KEY } from '../../../src/data/apply-pulled';
import { TerenDb } from '../../../src/data/db';
import { readMeta } from '../../../src/data/meta';
import { loadCaseload } from '../../../src/data/queries/caseload';
import { filterCaseload } from '../../../src/data/queries/caseload-filter';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`pull-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('applyPulledPage', () => {
  it('stores valid records with the cursor and skips records it cannot parse', async () => {
    const h = aHousehold();
    const result = await applyPulledPage(
      db,
      [
        { type: 'household', record: h },
        { type: 'person', record: { id: 'not-a-uuid' } },
      ],
      '42',
    );
    expect(result).toEqual({ applied: 1, rejected: 1 });
    expect(await db.households.get(h.id)).toEqual(h);
    expect(await db.people.count()).toBe(0);
    expect(await readMeta(db, CURSOR_KEY)).toBe('42');
  });
});

describe('loadCaseload', () => {
  const seed = async () => {
    const worker = '00000000-0000-4000-8000-0000000000a1';
    const other = '00000000-0000-4000-8000-0000000000a2';
    const mine = aHousehold({ label: 'Šťastní' });
    const theirs = aHousehold({ label: 'Cizí' });
    const e1 = anEnrolment(mine.id, { workerId: worker });
    const e2 = anEnrolment(theirs.id, { workerId: other });
    await db.households.bulkPut([mine, theirs]);
    await db.people.bulkPut([
      aPerson(mine.id, { firstName: 'Žofie', lastName: 'Šťastná' }),
      aPerson(theirs.id),
    ]);
    await db.enrolments.bulkPut([e1, e2]);
    // As the sync stores them (the households' digests are kept with the contacts).
    const contacts = [
      aContact(mine.id, e1.id, { at: '2026-02-01T10:00:00.000Z' }),
      aContact(mine.id, e1.id, {
        at: '2026-02-03T10:00:00.000Z',
        kind: 'failed_attempt',
        nextDate: '2026-02-05',
      }),
    ];
    await applyPulledPage(
      db,
      contacts.map((record) => ({ type: 'contact' as const, record })),
      null,
    );
    return { worker, mine, theirs };
  };

  it("lists a worker's own households with the last real contact", async () => {
    const { worker, mine } = await seed();
    const rows = await loadCaseload(db, { workerId: worker });
    expect(rows.map((r) => r.household.id)).toEqual([mine.id]);
    expect(rows[0]?.lastContactAt).toBe('2026-02-01T10:00:00.000Z');
    expect(rows[0]?.nextDate).toBe('2026-02-05');
  });

  it('finds people without diacritics', async () => {
    const { mine } = await seed();
    const rows = filterCaseload(await loadCaseload(db, {}), 'zofie stastna');
    expect(rows.map((r) => r.household.id)).toEqual([mine.id]);
  });

  it('drops closed enrolments', async () => {
    const { worker, mine } = await seed();
    await db.enrolments.where('householdId').equals(mine.id).modify({ status: 'closed' });
    expect(await loadCaseload(db, { workerId: worker })).toEqual([]);
  });
});

describe('loadCaseload and households without an enrolment', () => {
  it('keeps a just-registered household in sight until it is enrolled', async () => {
    const lonely = aHousehold({ label: 'Bez programu' });
    await db.households.put(lonely);
    const rows = await loadCaseload(db, { workerId: '00000000-0000-4000-8000-0000000000a1' });
    expect(rows.map((r) => r.household.id)).toEqual([lonely.id]);
    expect(rows[0]?.enrolments).toEqual([]);
  });
});
