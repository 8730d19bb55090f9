import {
  planState,
  type Enrolment,
  type Household,
  type Person,
  type Plan,
  type PlanReview,
  type PlanState,
} from '../../core';
import { decodeAll, decodeRecord } from '../crypto/vault';
import type { TerenDb } from '../db';

export type EnrolmentDetail = {
  enrolment: Enrolment;
  household: Household;
  people: Person[];
  plan: PlanState<Plan>;
  reviews: PlanReview[];
};

export const loadEnrolment = async (db: TerenDb, id: string): Promise<EnrolmentDetail | null> => {
  const enrolment = await decodeRecord<Enrolment | undefined>(await db.enrolments.get(id));
  if (!enrolment || enrolment.deleted) return null;
  const [household, people, plans, reviews] = await Promise.all([
    db.households.get(enrolment.householdId).then((r) => decodeRecord<Household | undefined>(r)),
    db.people
      .where('householdId')
      .equals(enrolment.householdId)
      .toArray()
      .then((r) => decodeAll<Person>(r)),
    db.plans
      .where('enrolmentId')
      .equals(id)
      .toArray()
      .then((r) => decodeAll<Plan>(r)),
    db.planReviews
      .where('enrolmentId')
      .equals(id)
      .toArray()
      .then((r) => decodeAll<PlanReview>(r)),
  ]);
  if (!household) return null;
  return {
    enrolment,
    household,
    people: people.filter((p) => !p.deleted),
    plan: planState(plans),
    reviews,
  };
};
