import {
  ruleFor,
  type RuleSet,
  addDays,
  evaluateEnrolment,
  groupBy,
  type ContactFacts,
  type Enrolment,
  type EnrolmentEvaluation,
  type PlanFacts,
} from '../../core';
import { LOOKBACK_DAYS } from '../read-model/facts';
import type { TerenDb } from '../db';
import { recentFactsByHousehold, type HouseholdFacts } from './recent-facts';

/**
 * What was last made of each household's facts, by enrolment: the agenda and the caseload
 * evaluate every enrolment again after each save, while a save changes one household. Kept
 * beside the facts object, which stays the same while the household's held contacts and
 * plans are unchanged (recent-facts.ts), and checked against everything else the answer depends on.
 */
type Remembered = { key: string; evaluation: EnrolmentEvaluation };
const remembered = new WeakMap<HouseholdFacts, Map<string, Remembered>>();

/**
 * Evaluates enrolments against their programme's rule with the contacts of the recent past,
 * held by the read model rather than read from the contacts and plans, so the agenda stays
 * fast with years of contacts.
 */
export const evaluateAll = async (
  db: TerenDb,
  enrolments: readonly Enrolment[],
  rules: RuleSet,
  today: string,
): Promise<{
  evaluations: Map<string, EnrolmentEvaluation>;
  /** The recent contacts read for it, by household; shared, never to be modified. */
  contactsByHousehold: Map<string, readonly ContactFacts[]>;
  /** Every plan revision of these enrolments (their readable facts). */
  plansByEnrolment: Map<string, PlanFacts[]>;
}> => {
  const since = `${addDays(today, -LOOKBACK_DAYS)}T00:00:00.000Z`;
  const households = new Set(enrolments.map((e) => e.householdId));
  const recent = await recentFactsByHousehold(db, since, households);
  const contactsByHousehold = new Map<string, readonly ContactFacts[]>();
  const plans: PlanFacts[] = [];
  for (const [h, f] of recent) {
    contactsByHousehold.set(h, f.contacts);
    for (const p of f.plans) plans.push(p);
  }
  const plansByEnrolment = groupBy(plans, (p) => p.enrolmentId);
  const ruleKeys = new Map<string, string>();
  const ruleKey = (e: Enrolment) => {
    let key = ruleKeys.get(e.programme);
    if (key === undefined) ruleKeys.set(e.programme, (key = JSON.stringify(rules[e.programme])));
    return key;
  };
  const result = new Map<string, EnrolmentEvaluation>();
  for (const e of enrolments) {
    const facts = recent.get(e.householdId);
    const ownPlans = plansByEnrolment.get(e.id) ?? [];
    // The facts object stands for the contacts and plans, unless a plan is filed under
    // another household; everything else is in the key.
    const stands = !!facts && ownPlans.every((p) => p.householdId === e.householdId);
    let known = stands ? remembered.get(facts) : undefined;
    if (stands && !known) remembered.set(facts, (known = new Map()));
    const key = known ? `${today}\n${ruleKey(e)}\n${JSON.stringify(e)}` : '';
    const hit = known?.get(e.id);
    if (hit && hit.key === key) {
      result.set(e.id, hit.evaluation);
      continue;
    }
    const evaluation = evaluateEnrolment(
      e,
      facts?.contacts ?? [],
      ownPlans,
      ruleFor(rules, e.programme),
      today,
    );
    known?.set(e.id, { key, evaluation });
    result.set(e.id, evaluation);
  }
  return { evaluations: result, contactsByHousehold, plansByEnrolment };
};
