import {
  addDays,
  evaluateEnrolment,
  groupBy,
  type ContactFacts,
  type Enrolment,
  type EnrolmentEvaluation,
  type Plan,
} from '../../core';
import { decodeAll } from '../crypto/vault';
import type { TerenDb } from '../db';
import type { RuleSet } from '../rules';
import { contactFactsSince } from './contact-facts';

/** Enough history for any rule's previous period and rolling window (see the engine). */
const LOOKBACK_DAYS = 62 + 7 * 28;

/**
 * Evaluates enrolments against their programme's rule with the contacts of the recent past,
 * read through the `at` index rather than the whole history, so the agenda stays fast with
 * years of contacts.
 */
export const evaluateAll = async (
  db: TerenDb,
  enrolments: readonly Enrolment[],
  rules: RuleSet,
  today: string,
): Promise<{
  evaluations: Map<string, EnrolmentEvaluation>;
  /** The recent contacts read for it, by household. */
  contactsByHousehold: Map<string, ContactFacts[]>;
  /** Every plan revision of these enrolments. */
  plansByEnrolment: Map<string, Plan[]>;
}> => {
  const since = `${addDays(today, -LOOKBACK_DAYS)}T00:00:00.000Z`;
  const households = new Set(enrolments.map((e) => e.householdId));
  const recent = await contactFactsSince(db, since, households);
  const contactsByHousehold = groupBy(recent, (c) => c.householdId);
  const plans: Plan[] = await decodeAll<Plan>(
    await db.plans
      .where('householdId')
      .anyOf([...households])
      .toArray(),
  );
  const plansByEnrolment = groupBy(plans, (p) => p.enrolmentId);
  const result = new Map<string, EnrolmentEvaluation>();
  for (const e of enrolments) {
    result.set(
      e.id,
      evaluateEnrolment(
        e,
        contactsByHousehold.get(e.householdId) ?? [],
        plansByEnrolment.get(e.id) ?? [],
        rules[e.programme],
        today,
      ),
    );
  }
  return { evaluations: result, contactsByHousehold, plansByEnrolment };
};
