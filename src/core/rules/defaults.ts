import type { SeededProgramme } from '../domain/programmes';
import type { ContactRule } from './rule';

/** About three months: the first phase of the housing tiers (004_*: "měsíce 0-3"). */
const FIRST_PHASE_DAYS = 91;

/** Two months: time to arrange a renewal or the next step before a lease ends. */
const LEASE_WARNING_DAYS = 60;

/** At least the longest six months (184 days), so a crisis lease counts down from day one. */
const SIX_MONTHS_DAYS = 184;

/**
 * Seeded defaults from the Ostrava housing pilot (social housing: at least weekly for the
 * first three months, then about twice a week); each organisation may edit
 * its own copy. Family prevention and field work have sensible defaults of our own.
 */
export const DEFAULT_RULES: Readonly<Record<SeededProgramme, ContactRule>> = {
  social_housing: {
    programme: 'social_housing',
    phases: [
      {
        fromDay: 0,
        toDay: FIRST_PHASE_DAYS,
        requirement: { kind: 'min_per_period', period: 'iso_week', min: 1 },
      },
      {
        fromDay: FIRST_PHASE_DAYS,
        toDay: null,
        requirement: { kind: 'avg_per_week', perWeek: 2, windowWeeks: 4 },
      },
    ],
    planWithinDays: FIRST_PHASE_DAYS,
    leaseWarningDays: LEASE_WARNING_DAYS,
  },
  affordable_housing: {
    programme: 'affordable_housing',
    phases: [
      {
        fromDay: 0,
        toDay: FIRST_PHASE_DAYS,
        requirement: { kind: 'min_per_period', period: 'iso_week', min: 1 },
      },
      {
        fromDay: FIRST_PHASE_DAYS,
        toDay: null,
        requirement: { kind: 'min_per_period', period: 'month', min: 1 },
      },
    ],
    planWithinDays: FIRST_PHASE_DAYS,
    leaseWarningDays: LEASE_WARNING_DAYS,
  },
  crisis_housing: {
    programme: 'crisis_housing',
    // "Intensive social work": at least two contacts every week for the whole stay.
    phases: [
      {
        fromDay: 0,
        toDay: null,
        requirement: { kind: 'min_per_period', period: 'iso_week', min: 2 },
      },
    ],
    planWithinDays: 30,
    // The stay is limited to 6 months: its end is shown from the first day.
    leaseWarningDays: SIX_MONTHS_DAYS,
  },
  family_prevention: {
    programme: 'family_prevention',
    phases: [
      { fromDay: 0, toDay: null, requirement: { kind: 'min_per_period', period: 'month', min: 2 } },
    ],
    planWithinDays: 60,
    leaseWarningDays: null,
  },
  field_work: {
    programme: 'field_work',
    phases: [
      { fromDay: 0, toDay: null, requirement: { kind: 'min_per_period', period: 'month', min: 1 } },
    ],
    planWithinDays: null,
    leaseWarningDays: null,
  },
};

/** The rules of an organisation by programme: its own over the seeded defaults. */
export type RuleSet = Readonly<Record<string, ContactRule>>;

/**
 * A programme's rule. One that has none (a programme a city added, before its admin set a
 * rule) requires no contacts and no plan: nothing is flagged that nobody decided.
 */
export const ruleFor = (rules: RuleSet, programme: string): ContactRule =>
  rules[programme] ?? {
    programme,
    phases: [{ fromDay: 0, toDay: null, requirement: null }],
    planWithinDays: null,
    leaseWarningDays: null,
  };
