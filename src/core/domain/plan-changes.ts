import type { Plan } from '../records/plan';

/** One difference between a plan revision and the revision it was based on. */
export type PlanChange =
  | { kind: 'goal_added' | 'goal_removed'; goal: string }
  | { kind: 'goal_changed'; goal: string; before: string }
  | { kind: 'step_added' | 'step_removed' | 'step_done' | 'step_reopened'; step: string }
  | { kind: 'step_changed'; step: string; before: string }
  | { kind: 'review_date'; before: string | null; after: string | null }
  | { kind: 'agreed'; after: boolean }
  | { kind: 'evaluation' }
  | { kind: 'person'; before: string | null; after: string | null };

type Step = Plan['goals'][number]['steps'][number];

/** A step's wording, whom and by when: what a step changed means besides its tick. */
const stepText = (s: Step) => [s.what, s.who, s.due ?? ''].join('\u0000');

const stepChanges = (before: readonly Step[], after: readonly Step[]): PlanChange[] => {
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Set(after.map((s) => s.id));
  const changes: PlanChange[] = [];
  for (const s of after) {
    const was = old.get(s.id);
    if (!was) changes.push({ kind: 'step_added', step: s.what });
    else {
      if (stepText(was) !== stepText(s))
        changes.push({ kind: 'step_changed', step: s.what, before: was.what });
      if (was.done !== s.done)
        changes.push({ kind: s.done ? 'step_done' : 'step_reopened', step: s.what });
    }
  }
  for (const s of before) if (!now.has(s.id)) changes.push({ kind: 'step_removed', step: s.what });
  return changes;
};

const goalChanges = (before: Plan['goals'], after: Plan['goals']): PlanChange[] => {
  const old = new Map(before.map((g) => [g.id, g]));
  const now = new Set(after.map((g) => g.id));
  const changes: PlanChange[] = [];
  for (const g of after) {
    const was = old.get(g.id);
    if (!was) changes.push({ kind: 'goal_added', goal: g.text });
    else if (was.text !== g.text || was.area !== g.area)
      changes.push({ kind: 'goal_changed', goal: g.text, before: was.text });
    changes.push(...stepChanges(was?.steps ?? [], was ? g.steps : []));
  }
  for (const g of before) if (!now.has(g.id)) changes.push({ kind: 'goal_removed', goal: g.text });
  return changes;
};

/**
 * What a revision changed against the one it was based on, goal by goal and step by step
 * (matched by id, so a reworded step is a change, not a removal and an addition). The
 * first revision changed nothing: it is the plan.
 */
export const planChanges = (before: Plan | null, after: Plan): PlanChange[] => {
  if (!before) return [];
  const changes = goalChanges(before.goals, after.goals);
  if (before.reviewDate !== after.reviewDate)
    changes.push({ kind: 'review_date', before: before.reviewDate, after: after.reviewDate });
  if (before.clientAgreed !== after.clientAgreed)
    changes.push({ kind: 'agreed', after: after.clientAgreed });
  if (before.evaluation !== after.evaluation) changes.push({ kind: 'evaluation' });
  if ((before.personId ?? null) !== (after.personId ?? null))
    changes.push({
      kind: 'person',
      before: before.personId ?? null,
      after: after.personId ?? null,
    });
  return changes;
};

/** Who saves a new revision, when, and with which id and number. */
export type NextRevision = { id: string; revision: number; authorId: string; now: string };

/** A new revision with `plan`'s content, based on it: nothing earlier is rewritten. */
export const revisionOf = (plan: Plan, next: NextRevision): Plan => ({
  ...plan,
  id: next.id,
  revision: next.revision,
  basedOn: plan.id,
  authorId: next.authorId,
  createdAt: next.now,
  updatedAt: next.now,
});

/**
 * A step ticked (or unticked) from the plan view: a new revision based on the one shown,
 * like any edit, so the history says who ticked it and when.
 */
export const withStepDone = (
  plan: Plan,
  stepId: string,
  done: boolean,
  next: NextRevision,
): Plan => ({
  ...revisionOf(plan, next),
  goals: plan.goals.map((g) => ({
    ...g,
    steps: g.steps.map((s) => (s.id === stepId ? { ...s, done } : s)),
  })),
});
