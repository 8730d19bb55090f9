import type { Plan } from '../records/plan';
import { deepEqual } from '../util/stable-json';

type Goal = Plan['goals'][number];
type Step = Goal['steps'][number];

export type PlanMerge =
  | { merged: Pick<Plan, 'goals' | 'reviewDate' | 'clientAgreed' | 'evaluation' | 'personId'> }
  | { conflict: true };

class Conflict extends Error {}

/** One value, three ways: the side that changed it wins; both changing it differently is a conflict. */
const pick = <T>(base: T, a: T, b: T): T => {
  if (deepEqual(a, b)) return a;
  if (deepEqual(a, base)) return b;
  if (deepEqual(b, base)) return a;
  throw new Conflict();
};

/** Items with ids (goals, steps), merged three-way by id; `inner` merges one item's fields. */
const mergeById = <T extends { id: string }>(
  base: readonly T[],
  a: readonly T[],
  b: readonly T[],
  inner: (base: T, a: T, b: T) => T,
): T[] => {
  const ids = [...new Set([...base, ...a, ...b].map((x) => x.id))];
  const find = (list: readonly T[], id: string) => list.find((x) => x.id === id);
  const out: T[] = [];
  for (const id of ids) {
    const o = find(base, id);
    const x = find(a, id);
    const y = find(b, id);
    if (!o) {
      // Added on one side only (ids are made on the device, never shared by chance).
      if (x) out.push(x);
      if (y && !x) out.push(y);
      continue;
    }
    if (!x || !y) {
      // Removed on one side: fine unless the other side changed it meanwhile.
      const kept = x ?? y;
      if (kept && !deepEqual(kept, o)) throw new Conflict();
      continue;
    }
    out.push(inner(o, x, y));
  }
  return out;
};

const mergeStep = (o: Step, a: Step, b: Step): Step => ({
  ...a,
  what: pick(o.what, a.what, b.what),
  who: pick(o.who, a.who, b.who),
  due: pick(o.due, a.due, b.due),
  done: pick(o.done, a.done, b.done),
});

const mergeGoal = (o: Goal, a: Goal, b: Goal): Goal => ({
  ...a,
  area: pick(o.area, a.area, b.area),
  text: pick(o.text, a.text, b.text),
  steps: mergeById(o.steps, a.steps, b.steps, mergeStep),
});

/**
 * Three-way merge of two plan revisions made from the same base: edits to different goals,
 * steps or fields combine; the same field edited differently on both sides is a conflict,
 * and then both revisions stay for a person to resolve.
 */
export const mergePlans = (base: Plan, a: Plan, b: Plan): PlanMerge => {
  try {
    return {
      merged: {
        goals: mergeById(base.goals, a.goals, b.goals, mergeGoal),
        reviewDate: pick(base.reviewDate, a.reviewDate, b.reviewDate),
        clientAgreed: pick(base.clientAgreed, a.clientAgreed, b.clientAgreed),
        evaluation: pick(base.evaluation, a.evaluation, b.evaluation),
        personId: pick(base.personId ?? null, a.personId ?? null, b.personId ?? null),
      },
    };
  } catch (e) {
    if (e instanceof Conflict) return { conflict: true };
    throw e;
  }
};
