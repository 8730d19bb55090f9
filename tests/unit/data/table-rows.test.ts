import Dexie, { RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { loadCaseload } from '../../../src/data/queries/caseload';
import { reconcileScope } from '../../../src/data/scope';
import { wipeLocalData } from '../../../src/data/session';
import { tableRows } from '../../../src/data/table-rows';
import type { Household } from '../../../src/core';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`table-rows-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A write behind Dexie's back: nothing is announced. */
const rawPut = (row: object) =>
  new Promise((done, fail) => {
    const tx = db.backendDB().transaction('households', 'readwrite');
    tx.objectStore('households').put(row);
    tx.oncomplete = done;
    tx.onerror = () => fail(tx.error);
  });

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

describe('tableRows', () => {
  it('hands out the same copy until the table is written to', async () => {
    const a = aHousehold();
    await db.households.put(a);
    const first = await tableRows<Household>(db, 'households');
    expect(ids(first)).toEqual([a.id]);
    // Writes to other tables leave the copy as it is.
    await db.people.put(aPerson(a.id));
    await saveWithOutbox(db, 'contact', aContact(a.id, anEnrolment(a.id).id));
    expect(await tableRows<Household>(db, 'households')).toBe(first);

    const b = aHousehold();
    await db.households.put(b);
    const second = await tableRows<Household>(db, 'households');
    expect(second).not.toBe(first);
    expect(ids(second)).toEqual(ids([a, b]));
  });

  it('sees changes, deletions and a cleared table', async () => {
    const a = aHousehold({ label: 'před' });
    const b = aHousehold();
    await db.households.bulkPut([a, b]);
    await tableRows(db, 'households');
    await db.households.update(a.id, { label: 'po' });
    expect((await tableRows<Household>(db, 'households')).find((h) => h.id === a.id)?.label).toBe(
      'po',
    );
    await db.households.delete(b.id);
    expect(ids(await tableRows<Household>(db, 'households'))).toEqual([a.id]);
    await db.households.clear();
    expect(await tableRows(db, 'households')).toEqual([]);
  });

  it('does not keep a read as current when a write is announced while it runs', async () => {
    const a = aHousehold();
    await db.households.put(a);
    await tableRows(db, 'households');
    const b = aHousehold();
    await db.households.put(b);
    // The read starts; a write made behind Dexie's back (so nothing is announced by itself)
    // waits for it, and its announcement comes before the read has answered.
    const during = tableRows<Household>(db, 'households');
    const raw = db.backendDB().transaction('households', 'readwrite');
    const c = aHousehold();
    raw.objectStore('households').put(c);
    Dexie.on('storagemutated').fire({ [`idb://${db.name}/households/`]: new RangeSet(-Infinity) });
    expect(ids(await during)).toEqual(ids([a, b]));
    await new Promise((done) => (raw.oncomplete = done));
    expect(ids(await tableRows<Household>(db, 'households'))).toEqual(ids([a, b, c]));
  });

  it('sees a write made through another connection (another tab)', async () => {
    const a = aHousehold();
    await db.households.put(a);
    await tableRows(db, 'households');
    const other = new TerenDb(db.name);
    const b = aHousehold();
    await other.households.put(b);
    other.close();
    expect(ids(await tableRows<Household>(db, 'households'))).toEqual(ids([a, b]));
  });

  it('sees a write announced by another tab (BroadcastChannel)', async () => {
    const a = aHousehold();
    await db.households.put(a);
    await tableRows(db, 'households');
    // Another tab's write: on disk without this tab's Dexie knowing, then announced.
    const b = aHousehold();
    await rawPut(b);
    const tab = new BroadcastChannel('x-storagemutated-1');
    const heard = new Promise<void>((done) =>
      Dexie.on('storagemutated', function once() {
        Dexie.on('storagemutated').unsubscribe(once);
        done();
      }),
    );
    tab.postMessage({ [`idb://${db.name}/households/`]: {} });
    await heard;
    tab.close();
    expect(ids(await tableRows<Household>(db, 'households'))).toEqual(ids([a, b]));
  });

  it('drops every copy when Dexie announces "all" (back from the back/forward cache)', async () => {
    const a = aHousehold();
    await db.households.put(a);
    await tableRows(db, 'households');
    const b = aHousehold();
    await rawPut(b);
    Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity) });
    expect(ids(await tableRows<Household>(db, 'households'))).toEqual(ids([a, b]));
  });

  it('never answers from memory for a deleted database', async () => {
    await db.households.put(aHousehold());
    await tableRows(db, 'households');
    await db.delete();
    // Deleting announces nothing; the closed connection is read (and fails) instead.
    const after = await tableRows<Household>(db, 'households').catch(() => 'closed' as const);
    expect(after === 'closed' || after.length === 0).toBe(true);
  });

  it('keeps nothing read inside a transaction that is then aborted', async () => {
    const a = aHousehold();
    await db.households.put(a);
    let inside = 0;
    await db
      .transaction('rw', db.households, async () => {
        await db.households.put(aHousehold());
        inside = (await tableRows(db, 'households')).length;
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(inside).toBe(2);
    expect(ids(await tableRows<Household>(db, 'households'))).toEqual([a.id]);
  });

  it('freezes the shared rows, so no reader can change what another one sees', async () => {
    await db.households.put(aHousehold());
    const [row] = await tableRows<Household>(db, 'households');
    expect(Object.isFrozen(row)).toBe(true);
  });
});

describe('loadCaseload on the kept tables', () => {
  it('follows edits, scope removals and a wipe', async () => {
    const kept = aHousehold({ label: 'Domácnost A' });
    const gone = aHousehold({ label: 'Domácnost B' });
    await db.households.bulkPut([kept, gone]);
    await db.enrolments.bulkPut([anEnrolment(kept.id), anEnrolment(gone.id)]);
    await db.people.bulkPut([aPerson(kept.id), aPerson(gone.id)]);
    const labels = async () =>
      (await loadCaseload(db, {})).map((r) => `${r.household.label}:${r.people.length}`).sort();
    expect(await labels()).toEqual(['Domácnost A:1', 'Domácnost B:1']);

    await saveWithOutbox(db, 'household', { ...kept, label: 'Domácnost A2' });
    await saveWithOutbox(db, 'person', aPerson(kept.id));
    expect(await labels()).toEqual(['Domácnost A2:2', 'Domácnost B:1']);

    await reconcileScope(db, [kept.id]);
    expect(await labels()).toEqual(['Domácnost A2:2']);

    await wipeLocalData(db);
    expect(await labels()).toEqual([]);
  });

  it('orders households alike in urgency and last visit by name, in Czech order', async () => {
    const names = ['Čermák', 'Beneš', 'Adámek', 'Cibulka', 'Chalupa'];
    const households = names.map((label) => aHousehold({ label }));
    await db.households.bulkPut(households);
    await db.enrolments.bulkPut(households.map((h) => anEnrolment(h.id)));
    const rows = await loadCaseload(db, {});
    expect(new Set(rows.map((r) => `${r.urgency}:${r.lastContactAt}`)).size).toBe(1);
    expect(rows.map((r) => r.household.label)).toEqual([
      'Adámek',
      'Beneš',
      'Cibulka',
      'Čermák',
      'Chalupa',
    ]);
  });

  it('gives each household its own last visit, recent or long ago', async () => {
    const households = ['A', 'B', 'C', 'D', 'E'].map((label) => aHousehold({ label }));
    const enrolments = households.map((h) => anEnrolment(h.id));
    await db.households.bulkPut(households);
    await db.enrolments.bulkPut(enrolments);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    // B and D were last visited beyond what the digests hold: read from the contacts' index.
    const last = [daysAgo(3), daysAgo(400), daysAgo(10), daysAgo(500), daysAgo(1)];
    for (const [i, h] of households.entries())
      await saveWithOutbox(db, 'contact', aContact(h.id, enrolments[i]!.id, { at: last[i] }));
    const rows = await loadCaseload(db, {});
    expect(Object.fromEntries(rows.map((r) => [r.household.label, r.lastContactAt]))).toEqual(
      Object.fromEntries(households.map((h, i) => [h.label, last[i]])),
    );
  });
});
