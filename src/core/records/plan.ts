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

/** An individual plan (individuální plán). Every saved revision is kept. */
export const Plan = z.looseObject({
  ...recordBase,
  householdId: Id,
  enrolmentId: Id,
  revision: z.number().int().min(1),
  goals: z.array(PlanGoal).default([]),
  reviewDate: IsoDate.nullable().default(null),
  clientAgreed: z.boolean().default(false),
  evaluation: LongText.default(''),
});
export type Plan = z.infer<typeof Plan>;
