import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { loadCaseload } from '../../../src/data/queries/caseload';
import { reconcileScope } from '../../../src/data/scope';
import { wipeLocalData } from '../../../src/data/session';
import type { Contact, Enrolment, Household } from '../../../src/core';
import { aContact, aHousehold, anEnrolment, aPerson } from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`caseload-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('loadCaseload on the read model', () => {
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
    // B and D were last visited beyond what the read model holds: read from the contacts' index.
    const last = [daysAgo(3), daysAgo(400), daysAgo(10), daysAgo(500), daysAgo(1)];
    for (const [i, h] of households.entries())
      await saveWithOutbox(db, 'contact', aContact(h.id, enrolments[i]!.id, { at: last[i] }));
    const rows = await loadCaseload(db, {});
    expect(Object.fromEntries(rows.map((r) => [r.household.label, r.lastContactAt]))).toEqual(
      Object.fromEntries(households.map((h, i) => [h.label, last[i]])),
    );
  });

  it('forgets a visit taken back or moved earlier, recent or long ago', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const [recent, old] = ['Nedávná', 'Dávná'].map((label) => aHousehold({ label })) as [
      Household,
      Household,
    ];
    const [er, eo] = [anEnrolment(recent.id), anEnrolment(old.id)];
    await db.households.bulkPut([recent, old]);
    await db.enrolments.bulkPut([er, eo]);
    const visit = (h: Household, e: Enrolment, at: string, over: Partial<Contact> = {}) =>
      saveWithOutbox(db, 'contact', aContact(h.id, e.id, { at, ...over }));
    const kept = daysAgo(9);
    const keptOld = daysAgo(420);
    await visit(recent, er, kept);
    const undone = await visit(recent, er, daysAgo(2));
    // Taken back: a deleted correction with the same time as the visit it takes back.
    await visit(recent, er, undone.at, { amends: undone.id, deleted: true });
    await visit(old, eo, keptOld);
    const moved = await visit(old, eo, daysAgo(400));
    // Corrected to an earlier day: the correction comes after its original, newest first.
    await visit(old, eo, daysAgo(430), { amends: moved.id });
    const rows = await loadCaseload(db, {});
    const last = Object.fromEntries(rows.map((r) => [r.household.label, r.lastContactAt]));
    expect(last).toEqual({ Nedávná: kept, Dávná: keptOld });
  });
});
