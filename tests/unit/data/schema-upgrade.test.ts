import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TerenDb } from '../../../src/data/db';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../src/data/schema';
import { aContact, aHousehold } from '../../factories/records';
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
    expect(entry).toMatchObject({ mutationId: 'm1', attempts: 0 });
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
});
