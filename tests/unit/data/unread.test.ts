import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, PullResponse } from '../../../src/core';
import {
  applyPulledPage,
  CURSOR_KEY,
  reapplyUnread,
  unreadCount,
} from '../../../src/data/apply-pulled';
import { createKeyring } from '../../../src/data/crypto/keys';
import { encodeValue, vault } from '../../../src/data/crypto/vault';
import { TerenDb } from '../../../src/data/db';
import { readMeta } from '../../../src/data/meta';
import { reconcileScope } from '../../../src/data/scope';
import { aHousehold, aPerson } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`unread-${Math.random()}`);
});
afterEach(async () => {
  vault.disable();
  db.close();
  await Dexie.delete(db.name);
});

/** A household as a newer app version writes it: a kind of locality this one does not know. */
const fromNewerApp = (over: Record<string, unknown> = {}) => ({
  ...aHousehold(),
  localityKind: 'shelter',
  ...over,
});

/** Records this version cannot read are kept, counted and applied after an update. */
describe('records this app version cannot read', () => {
  it('are kept as received, sealed, counted, while the cursor moves on', async () => {
    const { key } = await createKeyring('u', 'heslo', 1000);
    vault.open(key);
    const h = fromNewerApp({ label: 'Neznámá čtvrť' });
    const page = PullResponse.parse({
      cursor: '7',
      hasMore: false,
      changes: [
        { type: 'household', record: h },
        { type: 'groupActivity', record: { id: newId(), householdId: h.id } },
      ],
    });
    expect(await applyPulledPage(db, page.changes, page.cursor)).toEqual({
      applied: 0,
      rejected: 2,
    });
    expect(await unreadCount(db)).toBe(2);
    expect(await readMeta(db, CURSOR_KEY)).toBe('7');
    expect(JSON.stringify(await db.unread.toArray())).not.toContain('Neznámá');
  });

  it('are applied once the app can read them, and give way to a readable version', async () => {
    const h = aHousehold({ note: 'starší verze aplikace to neuměla' });
    // What an older version of this app kept unread: this one can read it.
    await db.unread.put({
      id: h.id,
      type: 'household',
      householdId: h.id,
      change: await encodeValue({ type: 'household', record: h }),
    });
    expect(await reapplyUnread(db)).toBe(1);
    expect(await db.households.get(h.id)).toEqual(h);
    expect(await unreadCount(db)).toBe(0);

    const p = aPerson(h.id);
    await applyPulledPage(db, [{ type: 'person', record: { ...p, relation: 'godparent' } }], '8');
    expect(await unreadCount(db)).toBe(1);
    expect(await reapplyUnread(db)).toBe(0);
    await applyPulledPage(db, [{ type: 'person', record: p }], '9');
    expect(await unreadCount(db)).toBe(0);
  });

  it('leave the device with a household whose own row it could not read', async () => {
    const h = fromNewerApp();
    const p = aPerson(h.id);
    await applyPulledPage(
      db,
      [
        { type: 'household', record: h },
        { type: 'person', record: p },
      ],
      '1',
    );
    expect([await db.households.count(), await db.people.count(), await unreadCount(db)]).toEqual([
      0, 1, 1,
    ]);
    await reconcileScope(db, []);
    expect([await db.people.count(), await unreadCount(db)]).toEqual([0, 0]);
  });

  it('leave the device with their household when it leaves the scope', async () => {
    const h = aHousehold();
    await applyPulledPage(db, [{ type: 'household', record: h }], '1');
    await applyPulledPage(
      db,
      [{ type: 'person', record: { ...aPerson(h.id), relation: 'x' } }],
      '2',
    );
    expect(await unreadCount(db)).toBe(1);
    await reconcileScope(db, []);
    expect(await unreadCount(db)).toBe(0);
  });
});
