import type { Programme } from '../domain/programmes';
import type { Contact } from '../records/contact';
import type { Enrolment } from '../records/enrolment';
import { compliance, evaluatePeriods } from '../rules/evaluate';
import { ruleFor, type RuleSet } from '../rules/defaults';
import { addDays } from '../time/prague';
import { groupBy } from '../util/group-by';

export type PlanTimeliness = {
  programme: Programme;
  /** Enrolments whose plan deadline fell within the period. */
  due: number;
  /** Of those, with a first plan revision on or before the deadline. */
  onTime: number;
  /** With a first plan after the deadline. */
  late: number;
  /** With no plan at all (yet). */
  missing: number;
};

/**
 * Plans on time: for every enrolment whose plan deadline (start + the programme's
 * `planWithinDays`) fell within [from, to], was its first plan drawn up by then?
 */
export const planTimeliness = (
  enrolments: readonly Pick<Enrolment, 'id' | 'programme' | 'startDate'>[],
  firstPlanOn: ReadonlyMap<string, string>,
  rules: RuleSet,
  from: string,
  to: string,
): PlanTimeliness[] => {
  const out = new Map<Programme, PlanTimeliness>();
  for (const e of enrolments) {
    const days = ruleFor(rules, e.programme).planWithinDays;
    if (days === null) continue;
    const deadline = addDays(e.startDate, days);
    if (deadline < from || deadline > to) continue;
    const row = out.get(e.programme) ?? {
      programme: e.programme,
      due: 0,
      onTime: 0,
      late: 0,
      missing: 0,
    };
    row.due++;
    const first = firstPlanOn.get(e.id);
    if (!first) row.missing++;
    else if (first <= deadline) row.onTime++;
    else row.late++;
    out.set(e.programme, row);
  }
  return [...out.values()].sort((a, b) => a.programme.localeCompare(b.programme));
};

export type ProgrammeCompliance = { programme: Programme; met: number; total: number };

/**
 * Rule compliance by programme, by the same engine as the workers' agenda: of the rule
 * periods that ended within [from, to] and required contact, how many were met.
 */
export const complianceByProgramme = (
  enrolments: readonly Enrolment[],
  contacts: readonly Contact[],
  rules: RuleSet,
  from: string,
  to: string,
  today: string,
): ProgrammeCompliance[] => {
  const byHousehold = groupBy(contacts, (c) => c.householdId);
  const out = new Map<Programme, ProgrammeCompliance>();
  // A period ending on `to + 1` (exclusive end) still ended within the period.
  const end = addDays(to, 1);
  const asOf = end < today ? end : today;
  for (const e of enrolments) {
    if (e.deleted || e.startDate > to) continue;
    const periods = evaluatePeriods(
      e,
      byHousehold.get(e.householdId) ?? [],
      ruleFor(rules, e.programme),
      asOf,
      addDays(from, -62),
    );
    const c = compliance(periods, from, end);
    if (c.total === 0) continue;
    const row = out.get(e.programme) ?? { programme: e.programme, met: 0, total: 0 };
    row.met += c.met;
    row.total += c.total;
    out.set(e.programme, row);
  }
  return [...out.values()].sort((a, b) => a.programme.localeCompare(b.programme));
};
