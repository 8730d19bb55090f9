import type { Phase, Requirement } from '../../../core';

/** Phases follow on: each starts where the previous ends. */
export const chain = (phases: readonly Phase[]): Phase[] =>
  phases.map((p, i) => ({ ...p, fromDay: i === 0 ? 0 : (phases[i - 1]?.toDay ?? 0) }));

export type RequirementKind = 'none' | Requirement['kind'];

/** A requirement of a newly chosen kind, starting from the usual values. */
export const requirementOfKind = (kind: RequirementKind): Requirement | null =>
  kind === 'min_per_period'
    ? { kind, period: 'iso_week', min: 1 }
    : kind === 'avg_per_week'
      ? { kind, perWeek: 2, windowWeeks: 4 }
      : null;

/** The open-ended last phase ends 90 days after it starts; a new one follows with its rule. */
export const withPhaseAdded = (phases: readonly Phase[]): Phase[] => {
  const last = phases.at(-1);
  if (!last) return [{ fromDay: 0, toDay: null, requirement: null }];
  const end = last.fromDay + 90;
  return chain([
    ...phases.slice(0, -1),
    { ...last, toDay: end },
    { fromDay: end, toDay: null, requirement: last.requirement },
  ]);
};

/** The last phase goes; the one before it becomes open-ended. One phase always stays. */
export const withLastPhaseRemoved = (phases: readonly Phase[]): Phase[] => {
  const kept = phases.slice(0, -1);
  const last = kept.at(-1);
  return last ? [...kept.slice(0, -1), { ...last, toDay: null }] : [...phases];
};
