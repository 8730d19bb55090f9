import { addDays, addMonths, daysBetween, weekStart } from '../time/prague';
import type { Phase, Requirement } from './rule';

/** A stretch of calendar days [start, end) with what it requires. Dates are Prague dates. */
export type Period = {
  start: string;
  /** Exclusive: the first day after the period. */
  end: string;
  phaseIndex: number;
  requirement: Requirement | null;
};

const nextBoundary = (date: string, requirement: Requirement | null): string | null => {
  if (!requirement) return null;
  if (requirement.kind === 'min_per_period' && requirement.period === 'month') {
    return addMonths(`${date.slice(0, 7)}-01`, 1);
  }
  return addDays(weekStart(date), 7);
};

/**
 * Cuts the days from `from` (inclusive) to `to` (exclusive) into periods: ISO weeks
 * (Monday first) or calendar months, clipped at phase boundaries. A phase without a
 * requirement is one period. The periods never overlap and leave no gap. With
 * `startsBefore`, only the periods starting before that day are made.
 */
export const periodsBetween = (
  enrolmentStart: string,
  phases: readonly Phase[],
  from: string,
  to: string,
  startsBefore: string = to,
): Period[] => {
  const periods: Period[] = [];
  phases.forEach((phase, phaseIndex) => {
    const phaseStart = addDays(enrolmentStart, phase.fromDay);
    const phaseEnd = phase.toDay === null ? null : addDays(enrolmentStart, phase.toDay);
    let cursor = phaseStart > from ? phaseStart : from;
    const stop = phaseEnd !== null && phaseEnd < to ? phaseEnd : to;
    while (cursor < stop && cursor < startsBefore) {
      const boundary = nextBoundary(cursor, phase.requirement);
      const end = boundary !== null && boundary < stop ? boundary : stop;
      periods.push({ start: cursor, end, phaseIndex, requirement: phase.requirement });
      cursor = end;
    }
  });
  return periods;
};

/** The nominal length of a period kind, against which clipped periods are scaled. */
export const nominalDays = (p: Period): number => {
  const r = p.requirement;
  if (r?.kind === 'min_per_period' && r.period === 'month') {
    const first = `${p.start.slice(0, 7)}-01`;
    return daysBetween(first, addMonths(first, 1));
  }
  return 7;
};
