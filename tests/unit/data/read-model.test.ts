import Dexie, { RangeSet } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, ContactFacts, Household, Plan, PlanFacts } from '../../../src/core';
import { applyPulledPage } from '../../../src/data/apply-pulled';
import { seal } from '../../../src/data/crypto/keys';
import { vault } from '../../../src/data/crypto/vault';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { recentFacts } from '../../../src/data/queries/recent-facts';
import { decodeHeld } from '../../../src/data/read-model/decoded';
import { factsOf, planFactsOf } from '../../../src/data/read-model/facts';
import {
  CONTACT_FACTS,
  HOUSEHOLDS,
  PLAN_FACTS,
  type HeldTable,
} from '../../../src/data/read-model/held-tables';
import { TRIMMED_KEY } from '../../../src/data/read-model/load';
import { heldTable, readModel } from '../../../src/data/read-model/read-model';
import { reconcileScope } from '../../../src/data/scope';
import { aContact, aHousehold, anEnrolment, aPlan } from '../../factories/records';

const names: string[] = [];
const freshDb = (name = `read-model-${names.length}-${Math.random()}`) => {
  const db = new TerenDb(name);
  names.push(db.name);
  return db;
};
const connections: TerenDb[] = [];
/** Another tab's connection to the same database. */
const otherTab = (db: TerenDb) => {
  const tab = new TerenDb(db.name);
  connections.push(tab);
  return tab;
};
afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  vault.disable();
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();
const held = async <H extends { id: string }>(db: TerenDb, decl: HeldTable<H>) =>
  [...(await heldTable(db, decl)).all()].sort(byId);

/** A write behind Dexie's back: neither logged nor announced. */
const rawPut = (db: TerenDb, table: string, row: object) =>
  new Promise((done, fail) => {
    const tx = db.backendDB().transaction(table, 'readwrite');
    tx.objectStore(table).put(row);
    tx.oncomplete = done;
    tx.onerror = () => fail(tx.error);
  });

/** What the held facts must agree with: the stored records themselves. */
const fromRecords = async (db: TerenDb, since: string, households?: Set<string>) => {
  const mine = (r: { householdId: string }) => !households || households.has(r.householdId);
  return {
    contacts: (await db.contacts.where('at').aboveOrEqual(since).toArray())
      .filter(mine)
      .map(factsOf)
      .sort(byId),
    plans: (await db.plans.toArray()).filter(mine).map(planFactsOf).sort(byId),
  };
};
const sorted = (f: { contacts: ContactFacts[]; plans: PlanFacts[] }) => ({
  contacts: [...f.contacts].sort(byId),
  plans: [...f.plans].sort(byId),
});

describe('the change log', () => {
  it('logs every write to a record table, whoever makes it, in the same transaction', async () => {
    const db = freshDb();
    const a = aHousehold();
    await db.households.put(a);
    await db.households.bulkPut([aHousehold(), aHousehold()]);
    await db.households.update(a.id, { label: 'jinak' });
    await db.households.where('id').equals(a.id).modify({ label: 'znovu' });
    await db.households.delete(a.id);
    await db.households.clear();
    await db.drafts.put({ key: 'k', value: 1, updatedAt: '' });
    const log = await db.changes.toArray();
    expect(log.map((e) => [e.table, e.ids?.length ?? null])).toEqual([
      ['households', 1],
      ['households', 2],
      ['households', 1],
      ['households', 1],
      ['households', 1],
      ['households', null],
    ]);
    // An aborted transaction leaves neither the write nor its entry.
    await db
      .transaction('rw', db.households, async () => {
        await db.households.put(aHousehold());
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await db.changes.count()).toBe(log.length);
  });
});

describe('a held table', () => {
  it('is the same in memory until its table is written to', async () => {
    const db = freshDb();
    const a = aHousehold();
    await db.households.put(a);
    const first = await heldTable(db, HOUSEHOLDS);
    const rows = first.all();
    expect(ids(rows)).toEqual([a.id]);
    await saveWithOutbox(db, 'contact', aContact(a.id, anEnrolment(a.id).id));
    expect((await heldTable(db, HOUSEHOLDS)).all()).toBe(rows);
    const b = aHousehold();
    await db.households.put(b);
    const after = (await heldTable(db, HOUSEHOLDS)).all();
    expect(ids(after)).toEqual(ids([a, b]));
    // The unchanged row is the same object: what was decrypted of it is kept (decoded.ts).
    expect(after.find((h) => h.id === a.id)).toBe(rows[0]);
  });

  it('follows this connection’s writes without reading them back, from the first write on', async () => {
    const db = freshDb();
    const a = aHousehold();
    await saveWithOutbox(db, 'household', a);
    // The first write loaded the table into the read model; later ones are applied as made.
    const index = await heldTable(db, HOUSEHOLDS);
    const b = aHousehold();
    await saveWithOutbox(db, 'household', b);
    await db.households.delete(a.id);
    await new Promise((next) => setTimeout(next, 0));
    // Seen in the index itself, before any reader asked for the table again.
    expect(index.get(b.id)).toBeDefined();
    expect(index.get(a.id)).toBeUndefined();
    expect(index.seen).toBe((await db.changes.toCollection().last())?.seq);
    // Another tab's write is read from the log when the table is next read.
    const c = aHousehold();
    await otherTab(db).households.put(c);
    expect(index.get(c.id)).toBeUndefined();
    expect((await heldTable(db, HOUSEHOLDS)).get(c.id)).toBeDefined();
  });

  it('follows changes, deletions and a cleared table', async () => {
    const db = freshDb();
    const a = aHousehold({ label: 'před' });
    const b = aHousehold();
    await db.households.bulkPut([a, b]);
    await heldTable(db, HOUSEHOLDS);
    await db.households.update(a.id, { label: 'po' });
    expect((await heldTable(db, HOUSEHOLDS)).get(a.id)?.label).toBe('po');
    await db.households.delete(b.id);
    expect(ids(await held(db, HOUSEHOLDS))).toEqual([a.id]);
    await db.households.clear();
    expect(await held(db, HOUSEHOLDS)).toEqual([]);
  });

  it('sees what another tab wrote, announced through the BroadcastChannel or not at all', async () => {
    const db = freshDb();
    await db.households.put(aHousehold());
    await heldTable(db, HOUSEHOLDS);
    const b = aHousehold();
    await otherTab(db).households.put(b);
    expect((await heldTable(db, HOUSEHOLDS)).get(b.id)).toBeDefined();
    // Dexie's "all" (back from the back/forward cache) reads the log again.
    const c = aHousehold();
    const tab = otherTab(db);
    await tab.households.put(c);
    Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity) });
    expect((await heldTable(db, HOUSEHOLDS)).get(c.id)).toBeDefined();
  });

  it('is never read inside a transaction, whose abort would undo what it holds', async () => {
    const db = freshDb();
    await db
      .transaction('r', db.households, () => heldTable(db, HOUSEHOLDS))
      .then(
        () => expect.unreachable(),
        (e: Error) => expect(e.message).toMatch(/outside transactions/),
      );
  });

  it('starts from nothing for a deleted and reopened database', async () => {
    const db = freshDb();
    await db.households.put(aHousehold());
    await heldTable(db, HOUSEHOLDS);
    await db.delete({ disableAutoOpen: false });
    expect(await held(db, HOUSEHOLDS)).toEqual([]);
  });

  it('hands out frozen rows and frozen decrypted records', async () => {
    const db = freshDb();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    vault.open(key);
    await saveWithOutbox(db, 'household', aHousehold({ label: 'Tajná' }));
    const [row] = (await heldTable(db, HOUSEHOLDS)).all();
    expect(Object.isFrozen(row)).toBe(true);
    const record = await decodeHeld<Household>(row!);
    expect(record.label).toBe('Tajná');
    expect(Object.isFrozen(record)).toBe(true);
    expect(await decodeHeld(row!)).toBe(record);
    // Locking forgets what was decrypted: a locked app holds nothing readable.
    vault.lock();
    await expect(decodeHeld(row!)).rejects.toThrow(/locked/);
  });
});

describe('held contacts and plans', () => {
  const households = [aHousehold(), aHousehold(), aHousehold()];
  const recordIds = Array.from({ length: 8 }, () => aContact(households[0]!.id, 'x').id);
  const op = fc.oneof(
    fc.record({
      kind: fc.constantFrom('save' as const, 'pull' as const, 'tab' as const),
      record: fc.constantFrom('contact' as const, 'plan' as const),
      id: fc.integer({ min: 0, max: recordIds.length - 1 }),
      household: fc.integer({ min: 0, max: households.length - 1 }),
      // Some beyond what is held (about 272 days), some recent.
      daysAgo: fc.integer({ min: 0, max: 400 }),
      deleted: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('leave' as const),
      household: fc.integer({ min: 0, max: households.length - 1 }),
    }),
    fc.record({ kind: fc.constant('snapshot' as const) }),
    fc.record({ kind: fc.constant('restart' as const) }),
  );

  it('give the same facts as the records, whatever was saved, pulled, removed or restarted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 14 }), async (ops) => {
        let db = freshDb();
        const tab = otherTab(db);
        const pull = (on: TerenDb, type: 'household' | 'contact' | 'plan', record: object) =>
          applyPulledPage(on, [{ type, record } as Parameters<typeof applyPulledPage>[1][0]], null);
        for (const h of households) await pull(db, 'household', h);
        const first = new Map<string, { householdId: string; type: 'contact' | 'plan' }>();
        const agree = async (since: string) => {
          expect(sorted(await recentFacts(db, since))).toEqual(await fromRecords(db, since));
          const some = new Set([households[0]!.id, households[2]!.id]);
          expect(sorted(await recentFacts(db, since, some))).toEqual(
            await fromRecords(db, since, some),
          );
        };
        for (const o of ops) {
          await agree(daysAgo(258));
          if (o.kind === 'leave') {
            const gone = households[o.household]!.id;
            await reconcileScope(
              db,
              households.map((h) => h.id).filter((id) => id !== gone),
            );
          } else if (o.kind === 'snapshot') {
            await (
              await readModel(db)
            ).snapshotNow([CONTACT_FACTS, PLAN_FACTS] as HeldTable<unknown>[]);
          } else if (o.kind === 'restart') {
            db.close();
            db = new TerenDb(db.name);
          } else {
            const id = recordIds[o.id]!;
            const home = first.get(id) ?? {
              householdId: households[o.household]!.id,
              type: o.record,
            };
            first.set(id, home);
            const at = daysAgo(o.daysAgo);
            const record: Contact | Plan =
              home.type === 'contact'
                ? {
                    ...aContact(home.householdId, home.householdId, { at, deleted: o.deleted }),
                    id,
                  }
                : {
                    ...aPlan(anEnrolment(home.householdId), { createdAt: at, deleted: o.deleted }),
                    id,
                  };
            if (o.kind === 'save') await saveWithOutbox(db, home.type, record as never);
            else await pull(o.kind === 'tab' ? tab : db, home.type, record);
          }
        }
        for (const since of [daysAgo(30), daysAgo(258), daysAgo(380)]) await agree(since);
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('are read on a new connection from the snapshot and the rows changed since', async () => {
    const db = freshDb();
    const [a, b] = households as [Household, Household];
    await saveWithOutbox(db, 'contact', aContact(a.id, a.id, { at: daysAgo(3) }));
    await (await readModel(db)).snapshotNow([CONTACT_FACTS as HeldTable<unknown>]);
    // Proof that the snapshot is read: a row put behind Dexie's back (so never logged) is
    // not seen by a new connection, which reads the snapshot rather than the table.
    await rawPut(db, 'contacts', aContact(b.id, b.id, { at: daysAgo(2) }));
    const later = aContact(a.id, a.id, { at: daysAgo(1) });
    await saveWithOutbox(db, 'contact', later);
    const tab = otherTab(db);
    const contacts = await heldTable(tab, CONTACT_FACTS);
    expect(contacts.ofHousehold(b.id)).toEqual([]);
    expect(ids(contacts.ofHousehold(a.id))).toContain(later.id);
    // The log before the snapshot is gone; the rest is kept for the readers that need it.
    expect(
      await db.changes
        .where('seq')
        .belowOrEqual((await db.snapshots.get('contacts'))!.seq)
        .count(),
    ).toBe(0);
    expect(await db.changes.count()).toBe(1);
    // A scope change removes the snapshot (it holds facts of every household).
    await reconcileScope(db, [a.id]);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('started from a snapshot, hold a changed row once: where it is now, or not when removed', async () => {
    const db = freshDb();
    const [a, b] = households as [Household, Household];
    const moved = aContact(a.id, a.id, { at: daysAgo(3) });
    const removed = aContact(a.id, a.id, { at: daysAgo(4) });
    const kept = aContact(a.id, a.id, { at: daysAgo(5) });
    for (const c of [moved, removed, kept]) await saveWithOutbox(db, 'contact', c);
    await (await readModel(db)).snapshotNow([CONTACT_FACTS as HeldTable<unknown>]);
    await saveWithOutbox(db, 'contact', { ...moved, householdId: b.id });
    await db.contacts.delete(removed.id);
    const tab = otherTab(db);
    const contacts = await heldTable(tab, CONTACT_FACTS);
    expect(ids(contacts.ofHousehold(a.id))).toEqual([kept.id]);
    expect(ids(contacts.ofHousehold(b.id))).toEqual([moved.id]);
    expect(ids(contacts.all())).toEqual(ids([moved, kept]));
    // Its rows by id, first needed by the next change, are those it holds.
    await saveWithOutbox(tab, 'contact', { ...kept, householdId: b.id });
    const after = await heldTable(tab, CONTACT_FACTS);
    expect(after.ofHousehold(a.id)).toEqual([]);
    expect(ids(after.ofHousehold(b.id))).toEqual(ids([moved, kept]));
    expect(after.get(kept.id)?.householdId).toBe(b.id);
  });

  it('are read from the snapshot when the log was trimmed empty', async () => {
    const db = freshDb();
    const [a, b] = households as [Household, Household];
    await saveWithOutbox(db, 'contact', aContact(a.id, a.id, { at: daysAgo(3) }));
    await (await readModel(db)).snapshotNow([CONTACT_FACTS as HeldTable<unknown>]);
    expect(await db.changes.count()).toBe(0);
    // Not logged, so a reader that finds it read the table instead of the snapshot.
    await rawPut(db, 'contacts', aContact(b.id, b.id, { at: daysAgo(2) }));
    const contacts = await heldTable(otherTab(db), CONTACT_FACTS);
    expect(contacts.ofHousehold(b.id)).toEqual([]);
    expect(contacts.ofHousehold(a.id)).toHaveLength(1);
  });

  it('of another format are passed by: the table is read whole', async () => {
    const db = freshDb();
    const [a] = households as [Household];
    const kept = aContact(a.id, a.id, { at: daysAgo(3) });
    await saveWithOutbox(db, 'contact', kept);
    await (await readModel(db)).snapshotNow([CONTACT_FACTS as HeldTable<unknown>]);
    const snapshot = (await db.snapshots.get('contacts'))!;
    await db.snapshots.put({ ...snapshot, format: 1, value: '[["not", "this format"]]' });
    const contacts = await heldTable(otherTab(db), CONTACT_FACTS);
    expect(contacts.ofHousehold(a.id)).toEqual([factsOf(kept)]);
  });

  it('are read whole by a reader whose place in the log was trimmed', async () => {
    const db = freshDb();
    const tab = otherTab(db);
    const [a] = households as [Household];
    await saveWithOutbox(db, 'contact', aContact(a.id, a.id, { at: daysAgo(3) }));
    const old = await heldTable(tab, CONTACT_FACTS);
    const added = aContact(a.id, a.id, { at: daysAgo(1) });
    await saveWithOutbox(db, 'contact', added);
    await (await readModel(db)).snapshotNow([CONTACT_FACTS as HeldTable<unknown>]);
    expect((await db.meta.get(TRIMMED_KEY))?.value).toBeGreaterThan(old.seen);
    expect(ids((await heldTable(tab, CONTACT_FACTS)).ofHousehold(a.id))).toContain(added.id);
  });

  it('of rows an older app sealed whole are decrypted, and never hold a note', async () => {
    const db = freshDb();
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const [a] = households as [Household];
    const hidden = aContact(a.id, a.id, { at: daysAgo(5), note: 'citlivé' });
    const { id, householdId, at, ...rest } = hidden;
    await db.contacts.put({ id, householdId, at, enc: await seal(key, rest) } as never);
    vault.open(key);
    expect(await held(db, CONTACT_FACTS)).toEqual([factsOf(hidden)]);
    expect(JSON.stringify(await held(db, CONTACT_FACTS))).not.toMatch(/citlivé/);
  });
});
