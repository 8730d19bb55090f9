import {
  addDays,
  evaluateEnrolment,
  groupBy,
  type ContactFacts,
  type Enrolment,
  type EnrolmentEvaluation,
  type PlanFacts,
} from '../../core';
import { LOOKBACK_DAYS } from '../digest';
import type { TerenDb } from '../db';
import type { RuleSet } from '../rules';
import { recentFactsByHousehold } from './recent-facts';

/**
 * Evaluates enrolments against their programme's rule with the contacts of the recent past,
 * read from the households' digests rather than the contacts and plans, so the agenda stays
 * fast with years of contacts.
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
  /** Every plan revision of these enrolments (their readable facts). */
  plansByEnrolment: Map<string, PlanFacts[]>;
}> => {
  const since = `${addDays(today, -LOOKBACK_DAYS)}T00:00:00.000Z`;
  const households = new Set(enrolments.map((e) => e.householdId));
  const recent = await recentFactsByHousehold(db, since, households);
  const contactsByHousehold = new Map<string, ContactFacts[]>();
  const plans: PlanFacts[] = [];
  for (const [h, f] of recent) {
    contactsByHousehold.set(h, f.contacts);
    for (const p of f.plans) plans.push(p);
  }
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
