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
 * What was last made of each enrolment: the agenda and the caseload evaluate every
 * enrolment again after each save, while a save changes one household. Kept by the
 * enrolment object, which stays the same while its row is unchanged (read-model/decoded.ts),
 * and is let go with it when the app locks; checked against the household's facts object
 * (the same while its held contacts and plans are, recent-facts.ts), the day and the rule.
 */
type Remembered = {
  facts: HouseholdFacts;
  today: string;
  rule: string;
  evaluation: EnrolmentEvaluation;
};
const remembered = new WeakMap<Enrolment, Remembered>();

/** The recent contacts by household and every plan revision by enrolment. */
const byOwner = (recent: ReadonlyMap<string, HouseholdFacts>) => {
  const contactsByHousehold = new Map<string, readonly ContactFacts[]>();
  const plans: PlanFacts[] = [];
  for (const [h, f] of recent) {
    contactsByHousehold.set(h, f.contacts);
    for (const p of f.plans) plans.push(p);
  }
  return { contactsByHousehold, plansByEnrolment: groupBy(plans, (p) => p.enrolmentId) };
};

/** Each programme's rule as text, made once per call: part of what an evaluation depends on. */
const ruleKeys = (rules: RuleSet) => {
  const keys = new Map<string, string>();
  return (e: Enrolment) => {
    let key = keys.get(e.programme);
    if (key === undefined) keys.set(e.programme, (key = JSON.stringify(rules[e.programme])));
    return key;
  };
};

type Inputs = { rules: RuleSet; today: string; ruleKey: (e: Enrolment) => string };

/** One enrolment's evaluation, or the one remembered for the same facts, rule, day and record. */
const evaluateOne = (
  e: Enrolment,
  facts: HouseholdFacts | undefined,
  ownPlans: readonly PlanFacts[],
  { rules, today, ruleKey }: Inputs,
) => {
  // The facts object stands for the plans too, unless one is filed under another household.
  const stands = !!facts && ownPlans.every((p) => p.householdId === e.householdId);
  const rule = ruleKey(e);
  const hit = stands ? remembered.get(e) : undefined;
  if (hit && hit.facts === facts && hit.today === today && hit.rule === rule) return hit.evaluation;
  const evaluation = evaluateEnrolment(
    e,
    facts?.contacts ?? [],
    ownPlans,
    ruleFor(rules, e.programme),
    today,
  );
  if (stands) remembered.set(e, { facts, today, rule, evaluation });
  return evaluation;
};

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
  const { contactsByHousehold, plansByEnrolment } = byOwner(recent);
  const inputs = { rules, today, ruleKey: ruleKeys(rules) };
  const evaluations = new Map<string, EnrolmentEvaluation>();
  for (const e of enrolments) {
    const own = plansByEnrolment.get(e.id) ?? [];
    evaluations.set(e.id, evaluateOne(e, recent.get(e.householdId), own, inputs));
  }
  return { evaluations, contactsByHousehold, plansByEnrolment };
};
