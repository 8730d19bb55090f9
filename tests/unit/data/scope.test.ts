import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerenDb } from '../../../src/data/db';
import { saveWithOutbox } from '../../../src/data/outbox';
import { markScopeLoaded, reconcileScope } from '../../../src/data/scope';
import {
  aContact,
  aHousehold,
  anEnrolment,
  aPerson,
  aPlan,
  aPlanReview,
} from '../../factories/records';

let db: TerenDb;
beforeEach(() => {
  db = new TerenDb(`scope-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('reconcileScope', () => {
  it('removes households that left scope with all their records and drafts, keeps unsent work', async () => {
    const kept = aHousehold();
    const gone = aHousehold();
    const unsent = aHousehold();
    const e = anEnrolment(gone.id);
    await db.households.bulkPut([kept, gone]);
    await db.people.bulkPut([aPerson(kept.id), aPerson(gone.id)]);
    await db.enrolments.put(e);
    await db.contacts.put(aContact(gone.id, e.id));
    const plan = aPlan(e);
    await db.plans.put(plan);
    await db.planReviews.put(aPlanReview(plan, e.workerId));
    await db.drafts.put({ key: `contact:new:${gone.id}`, value: { note: 'x' }, updatedAt: '' });
    await saveWithOutbox(db, 'household', unsent);

    const fresh = '00000000-0000-4000-8000-00000000beef';
    const { removed, missing } = await reconcileScope(db, [kept.id, fresh]);
    expect(removed).toEqual([gone.id]);
    expect(missing).toEqual([fresh]);
    expect((await db.households.toCollection().primaryKeys()).sort()).toEqual(
      [kept.id, unsent.id].sort(),
    );
    expect(await db.people.where('householdId').equals(gone.id).count()).toBe(0);
    expect(await db.enrolments.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.plans.count()).toBe(0);
    expect(await db.planReviews.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);
  });

  it('fetches a household that re-entered scope even when a later change already brought its row', async () => {
    const a = aHousehold();
    const b = aHousehold();
    await db.households.bulkPut([a, b]);
    expect((await reconcileScope(db, [a.id])).missing).toEqual([]);
    await markScopeLoaded(db, [a.id]);
    // b's row arrives with a newer change, but its older records are behind the cursor.
    await db.households.put(b);
    expect((await reconcileScope(db, [a.id, b.id])).missing).toEqual([b.id]);
  });
});
