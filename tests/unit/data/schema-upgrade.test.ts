import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TerenDb } from '../../../src/data/db';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/data/schema';
import { loadCaseload } from '../../../src/data/queries/caseload';
import { recentFacts } from '../../../src/data/queries/recent-facts';
import { factsOf } from '../../../src/data/read-model/facts';
import { aContact, aHousehold, anEnrolment } from '../../factories/records';
import { RELEASED_STORES } from './released-schemas';
import { openAtVersion } from './open-at-version';

const names: string[] = [];
const dbName = () => {
  const name = `upgrade-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

describe('device database upgrades', () => {
  it('versions are increasing and the app opens at the newest', async () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const db = new TerenDb(dbName());
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
  });

  it('upgrades version 1 to the current version keeping records and the outbox', async () => {
    const name = dbName();
    const old = await openAtVersion(name, 1);
    const h = aHousehold();
    const c = aContact(h.id, h.id);
    await old.table('households').put(h);
    await old.table('contacts').put(c);
    await old.table('outbox').add({
      mutationId: 'm1',
      recordType: 'household',
      recordId: h.id,
      record: h,
      createdAt: h.createdAt,
    });
    old.close();

    const db = new TerenDb(name);
    await db.open();
    expect(await db.households.get(h.id)).toEqual(h);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ mutationId: 'm1' });
    // The index added in version 2 works on data written before it existed.
    const newest = await db.contacts
      .where('[householdId+at]')
      .between([h.id, Dexie.minKey], [h.id, Dexie.maxKey])
      .toArray();
    expect(newest.map((x) => x.id)).toEqual([c.id]);
    await db.drafts.put({ key: 'k', value: { a: 1 }, updatedAt: h.createdAt });
    expect(await db.drafts.count()).toBe(1);
    db.close();
  });

  it.each(RELEASED_STORES.map((v) => v.version))(
    'upgrades version %i: records kept and read, the caches of versions 5 to 7 gone',
    async (version) => {
      const name = dbName();
      const old = await openAtVersion(name, version);
      const h = aHousehold({ label: `Verze ${version}` });
      const e = anEnrolment(h.id);
      const c = aContact(h.id, e.id, { at: new Date(Date.now() - 86_400_000).toISOString() });
      await old.table('households').put(h);
      await old.table('enrolments').put(e);
      await old.table('contacts').put(c);
      const tables = old.tables.map((t) => t.name);
      if (tables.includes('digests'))
        await old
          .table('digests')
          .put({ householdId: h.id, from: '', contacts: '[]', plans: '[]' });
      if (version >= 6)
        await old.table('meta').put({ key: 'digests.generation', value: { epoch: 'e', gen: 1 } });
      if (tables.includes('snapshots'))
        await old.table('snapshots').put({ key: 'digests', epoch: 'e', gen: 1, value: '[]' });
      old.close();

      const db = new TerenDb(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      // Gone from the files, not only from what Dexie declares.
      expect(db.backendDB().objectStoreNames.contains('digests')).toBe(false);
      expect(await db.snapshots.count()).toBe(0);
      expect(await db.meta.get('digests.generation')).toBeUndefined();
      expect((await loadCaseload(db, {})).map((r) => r.household.label)).toEqual([h.label]);
      const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
      expect((await recentFacts(db, since)).contacts).toEqual([factsOf(c)]);
      // Writes made after the upgrade are logged, and the read model follows them.
      await db.contacts.put({ ...c, id: aContact(h.id, e.id).id });
      expect((await recentFacts(db, since)).contacts).toHaveLength(2);
      db.close();
    },
  );
});
