import type { Plan } from '../records/plan';

export type PlanState<P extends Plan = Plan> = {
  /** The newest revision, or null when no plan was drawn up yet. */
  current: P | null;
  /** Other revisions with the same number as `current`: concurrent edits to resolve. */
  competing: P[];
  /** Every revision, newest first. */
  history: P[];
};

/** What a plan looks like now, given all its revisions (in any order). */
export const planState = <P extends Plan>(revisions: readonly P[]): PlanState<P> => {
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
