import {
  groupBy,
  nextRevisionNumber,
  planState,
  type Enrolment,
  type Household,
  type Person,
  type Plan,
} from '../../core';
import { decodeAll, decodeRecord } from '../crypto/vault';
import type { TerenDb } from '../db';
import { PLAN_FACTS } from '../read-model/held-tables';
import { heldTable } from '../read-model/read-model';

/** A plan edited on two devices from the same revision: both versions wait for a person. */
export type PlanFork = {
  enrolment: Enrolment;
  household: Household;
  people: Person[];
  /** The versions with the newest revision number, the one shown as current first. */
  versions: Plan[];
  /** The number the revision that settles it takes. */
  nextRevision: number;
};

/**
 * Every plan on this device that forked (the server could not merge the two versions). Found
 * from the readable plan facts; only the forked plans and their households are decrypted.
 */
export const loadPlanForks = async (db: TerenDb): Promise<PlanFork[]> => {
  const facts = (await heldTable(db, PLAN_FACTS)).all();
  const forked = [...groupBy(facts, (p) => p.enrolmentId).values()]
    .map((revisions) => planState(revisions))
    .filter((s) => s.current && s.competing.length > 0);
  const forks: PlanFork[] = [];
  for (const state of forked) {
    const ids = [state.current, ...state.competing].map((p) => p?.id as string);
    const versions = await decodeAll<Plan>((await db.plans.bulkGet(ids)).filter((r) => !!r));
    const first = versions[0];
    if (!first) continue;
    const [enrolment, household, people] = await Promise.all([
      db.enrolments.get(first.enrolmentId).then((r) => decodeRecord<Enrolment | undefined>(r)),
      db.households.get(first.householdId).then((r) => decodeRecord<Household | undefined>(r)),
      db.people
        .where('householdId')
        .equals(first.householdId)
        .toArray()
        .then((r) => decodeAll<Person>(r)),
    ]);
    if (!enrolment || !household) continue;
    const order = new Map(ids.map((id, i) => [id, i]));
    versions.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    const nextRevision = nextRevisionNumber(state.history);
    forks.push({
      enrolment,
      household,
      people: people.filter((p) => !p.deleted),
      versions,
      nextRevision,
    });
  }
  return forks;
};
