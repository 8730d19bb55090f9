import { z } from 'zod';
import { Id, IsoDate, LongText, recordBase, ShortText } from './common';

export const PLAN_AREAS = [
  'housing',
  'debt',
  'employment',
  'family',
  'health',
  'education',
  'other',
] as const;

export const PlanStep = z.object({
  id: Id,
  what: ShortText.min(1),
  who: ShortText.default(''),
  due: IsoDate.nullable().default(null),
  done: z.boolean().default(false),
});

export const PlanGoal = z.object({
  id: Id,
  area: z.enum(PLAN_AREAS),
  text: LongText.min(1),
  steps: z.array(PlanStep).default([]),
});

/**
 * One revision of an individual plan (individuální plán). Saving a plan never overwrites:
 * it adds a revision based on the one the author saw, so the whole history is kept, and two
 * people revising the same base offline end up as two versions for a person to resolve.
 */
export const Plan = z.looseObject({
  ...recordBase,
  householdId: Id,
  enrolmentId: Id,
  revision: z.number().int().min(1),
  basedOn: Id.nullable().default(null),
  authorId: Id.nullable().default(null),
  /** Whom the plan is for: a member of the household, or null for the household as a whole. */
  personId: Id.nullable().default(null),
  goals: z.array(PlanGoal).default([]),
  reviewDate: IsoDate.nullable().default(null),
  clientAgreed: z.boolean().default(false),
  evaluation: LongText.default(''),
});
export type Plan = z.infer<typeof Plan>;

/**
 * What the agenda and the caseload need of a plan revision: no goals, no evaluation. The
 * device keeps these fields readable, so plan deadlines are computed without decrypting.
 */
export type PlanFacts = Pick<
  Plan,
  'id' | 'householdId' | 'enrolmentId' | 'revision' | 'createdAt' | 'reviewDate' | 'deleted'
>;
