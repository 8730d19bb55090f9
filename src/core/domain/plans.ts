import type { Plan, PlanFacts } from '../records/plan';
import type { PlanReview } from '../records/plan-review';

export type PlanState<P extends PlanFacts = Plan> = {
  /** The newest revision, or null when no plan was drawn up yet. */
  current: P | null;
  /** Other revisions with the same number as `current`: concurrent edits to resolve. */
  competing: P[];
  /** Every revision, newest first. */
  history: P[];
};

/** What a plan looks like now, given all its revisions (in any order). */
export const planState = <P extends PlanFacts>(revisions: readonly P[]): PlanState<P> => {
  const history = revisions
    .filter((p) => !p.deleted)
    .sort(
      (a, b) =>
        b.revision - a.revision ||
        b.createdAt.localeCompare(a.createdAt) ||
        b.id.localeCompare(a.id),
    );
  const [current = null, ...rest] = history;
  const competing = current
    ? rest.filter((p) => p.revision === current.revision && p.id !== current.id)
    : [];
  return { current, competing, history };
};

/** The number the next saved revision takes. */
export const nextRevisionNumber = (revisions: readonly Pick<Plan, 'revision'>[]): number =>
  revisions.reduce((max, p) => Math.max(max, p.revision), 0) + 1;

export type RevisionReviews<R extends PlanReview = PlanReview> = {
  /** The first sign-off of this revision, or null while it waits for one. */
  signOff: R | null;
  /** Every comment and sign-off of this revision, oldest first. */
  entries: R[];
};

/** The comments and sign-off of one plan revision. */
export const reviewsOf = <R extends PlanReview>(
  reviews: readonly R[],
  planId: string,
): RevisionReviews<R> => {
  const entries = reviews
    .filter((r) => r.planId === planId && !r.deleted)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { signOff: entries.find((r) => r.signedOff) ?? null, entries };
};

/**
 * Does the plan wait for a supervisor? The current revision is not signed off yet (an older
 * signed-off revision does not cover changes made since).
 */
export const awaitsSignOff = (
  current: Pick<Plan, 'id'> | null,
  reviews: readonly PlanReview[],
): boolean => current !== null && reviewsOf(reviews, current.id).signOff === null;
