import { z } from 'zod';
import { Id, LongText, recordBase } from './common';

/**
 * A comment on one plan revision, or its sign-off by a supervisor (schválení). Append-only,
 * like contacts: two people commenting offline both keep their words, nothing to merge.
 */
export const PlanReview = z.looseObject({
  ...recordBase,
  householdId: Id,
  enrolmentId: Id,
  planId: Id,
  authorId: Id,
  text: LongText.default(''),
  signedOff: z.boolean().default(false),
});
export type PlanReview = z.infer<typeof PlanReview>;
