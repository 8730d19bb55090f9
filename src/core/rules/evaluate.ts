import type { ContactFacts } from '../records/contact';
import { isRealContact } from '../records/contact';
import type { Enrolment } from '../records/enrolment';
import type { PlanFacts } from '../records/plan';
import { addDays, dayOf, daysBetween, pragueDay, weekStart } from '../time/prague';
import { nominalDays, periodsBetween, type Period } from './periods';
import type { ContactRule } from './rule';

export type PeriodStatus = 'met' | 'missed' | 'due' | 'at_risk';

export type PeriodResult = Period & {
  required: number;
  count: number;
  status: PeriodStatus;
  /** Whether the period is over (its last day is before today). */
  complete: boolean;
};

/** red: a period was missed and the current one is not met yet; amber: running out of time. */
export const URGENCIES = ['overdue', 'at_risk', 'due', 'met', 'none'] as const;
export type Urgency = (typeof URGENCIES)[number];

export type PlanStatus =
  'not_required' | 'in_place' | 'pending' | 'due_soon' | 'overdue' | 'review_due';

export type EnrolmentEvaluation = {
  urgency: Urgency;
  current: PeriodResult | null;
  previous: PeriodResult | null;
  /**
   * The last day by which the next contact is needed; for an overdue case the day it was
   * due (late.since), never a day to come.
   */
  nextDue: string | null;
  /** How late an overdue case is; null for any other. */
  late: Lateness | null;
  plan: { status: PlanStatus; due: string | null };
  lease: { end: string; daysLeft: number; warning: boolean } | null;
};

/**
 * Since when an overdue case has been late: the last day of the first missed period of the
 * run of missed periods that ends just before today's. `atLeast`: the run reaches back
 * further than the engine looks (LATE_LOOKBACK_DAYS), so it is later still.
 */
export type Lateness = { since: string; days: number; atLeast: boolean };

/**
 * How far back lateness is looked for: two months, and back to the start of the period
 * then. Within what the device holds of every contact (src/data/read-model/facts.ts
 * LOOKBACK_DAYS): a month back to its first day, or a week's with a 26-week rolling window.
 */
const LATE_LOOKBACK_DAYS = 62;

/**
 * Days before the end of a period in which an unmet period counts as at risk (the legend,
 * src/ui/status/UrgencyLegend.tsx, says so in words).
 */
export const RISK_DAYS = { week: 2, month: 7 } as const;
const PLAN_DUE_SOON_DAYS = 14;

/**
 * Prague dates (as day numbers, see prague.ts) of the real contacts that served this
 * enrolment, sorted: corrected originals, deleted contacts and failed attempts left out.
 * One pass, no intermediate arrays or strings: this runs for every enrolment on every
 * screen. Contacts mostly come in time order, so sorting is mostly skipped.
 */
export const countedDays = (enrolmentId: string, contacts: readonly ContactFacts[]): number[] => {
  let superseded: Set<string> | null = null;
  for (const c of contacts) if (c.amends) (superseded ??= new Set()).add(c.amends);
  const days: number[] = [];
  let inOrder = true;
  for (const c of contacts) {
    if (c.deleted || !isRealContact(c) || superseded?.has(c.id)) continue;
    if (!c.enrolmentIds.includes(enrolmentId)) continue;
    const day = pragueDay(c.at);
    // An unreadable moment (never one the schema accepts) must not break the counting.
    if (Number.isNaN(day)) continue;
    if (inOrder && days.length && day < (days[days.length - 1] as number)) inOrder = false;
    days.push(day);
  }
  return inOrder ? days : days.sort((a, b) => a - b);
};

const countIn = (days: readonly number[], fromDate: string, toDate: string): number => {
  const from = dayOf(fromDate);
  const to = dayOf(toDate);
  // Binary search for the first day >= from, then count while < to.
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < days.length && (days[i] as number) < to; i++) n++;
  return n;
};

/** Judges one period given the counted contact days (countedDays) and today. */
export const judgePeriod = (
  p: Period,
  enrolmentStart: string,
  dates: readonly number[],
  today: string,
): PeriodResult => {
  const r = p.requirement;
  let required = 0;
  let count = 0;
  if (r?.kind === 'min_per_period') {
    required = Math.round((r.min * daysBetween(p.start, p.end)) / nominalDays(p));
    count = countIn(dates, p.start, p.end);
  } else if (r?.kind === 'avg_per_week') {
    // A rolling window ending with this week, never reaching before the enrolment.
    const back = addDays(p.end, -7 * r.windowWeeks);
    const windowStart = back > enrolmentStart ? back : enrolmentStart;
    required = Math.round((r.perWeek * daysBetween(windowStart, p.end)) / 7);
    count = countIn(dates, windowStart, p.end);
  }
  const complete = p.end <= today;
  const met = count >= required;
  let status: PeriodStatus;
  if (complete) status = met ? 'met' : 'missed';
  else if (met) status = 'met';
  else {
    const riskDays =
      r?.kind === 'min_per_period' && r.period === 'month' ? RISK_DAYS.month : RISK_DAYS.week;
    status = daysBetween(today, p.end) <= riskDays ? 'at_risk' : 'due';
  }
  return {
    start: p.start,
    end: p.end,
    phaseIndex: p.phaseIndex,
    requirement: p.requirement,
    required,
    count,
    status,
    complete,
  };
};

/** The day after the enrolment stops being evaluated: its closing day, or tomorrow. */
const horizon = (e: Pick<Enrolment, 'status' | 'closedOn'>, today: string): string =>
  e.status === 'closed' && e.closedOn && e.closedOn < today
    ? addDays(e.closedOn, 1)
    : addDays(today, 1);

/** Every period from the enrolment's start to today (or its closing), judged. */
export const evaluatePeriods = (
  enrolment: Pick<Enrolment, 'id' | 'startDate' | 'status' | 'closedOn'>,
  contacts: readonly ContactFacts[],
  rule: ContactRule,
  today: string,
  from: string = enrolment.startDate,
): PeriodResult[] => {
  const dates = countedDays(enrolment.id, contacts);
  const start = from > enrolment.startDate ? from : enrolment.startDate;
  const stop = horizon(enrolment, today);
  const closed = enrolment.status === 'closed' && stop <= today;
  // The period holding today runs to its natural end; a closed enrolment's last one is cut.
  return periodsBetween(
    enrolment.startDate,
    rule.phases,
    start,
    closed ? stop : addDays(stop, 62),
    stop,
  ).map((p) => judgePeriod(p, enrolment.startDate, dates, today));
};

export type Compliance = { met: number; total: number; ratio: number | null };

/**
 * Share of completed periods with a requirement that were met, among those that end within
 * [from, to). Periods that require nothing are left out rather than counted as met.
 */
export const compliance = (
  periods: readonly PeriodResult[],
  from: string,
  to: string,
): Compliance => {
  const judged = periods.filter((p) => p.complete && p.required > 0 && p.end > from && p.end <= to);
  const met = judged.filter((p) => p.status === 'met').length;
  return { met, total: judged.length, ratio: judged.length ? met / judged.length : null };
};

const planStatus = (
  enrolment: Pick<Enrolment, 'startDate'>,
  plans: readonly PlanFacts[],
  rule: ContactRule,
  today: string,
): EnrolmentEvaluation['plan'] => {
  const live = plans.filter((p) => !p.deleted);
  if (live.length) {
    const newest = live.reduce((a, b) => (b.revision > a.revision ? b : a));
    const review = newest.reviewDate;
    return review && review <= today
      ? { status: 'review_due', due: review }
      : { status: 'in_place', due: review };
  }
  if (rule.planWithinDays === null) return { status: 'not_required', due: null };
  const due = addDays(enrolment.startDate, rule.planWithinDays);
  if (due < today) return { status: 'overdue', due };
  return { status: daysBetween(today, due) <= PLAN_DUE_SOON_DAYS ? 'due_soon' : 'pending', due };
};

/**
 * Where the agenda's periods start: far enough back for the previous period (a month at
 * most). Rolling windows need no older periods: they count contact dates, not periods.
 */
const lookbackStart = (rule: ContactRule, today: string): string =>
  addDays(
    today,
    rule.phases.some(
      (p) => p.requirement?.kind === 'min_per_period' && p.requirement.period === 'month',
    )
      ? -62
      : -14,
  );

/** The lease's end, the days left to it and whether to warn (none for a closed case). */
const leaseState = (enrolment: Enrolment, rule: ContactRule, today: string) => {
  const end = enrolment.lease?.end;
  if (!end || enrolment.status === 'closed') return null;
  const daysLeft = daysBetween(today, end);
  return {
    end,
    daysLeft,
    warning: rule.leaseWarningDays !== null && daysLeft <= rule.leaseWarningDays,
  };
};

/** Met now; overdue when the period before was missed too; else at risk or due. */
const urgencyOf = (current: PeriodResult | null, previous: PeriodResult | null): Urgency => {
  if (!current || !current.requirement) return 'none';
  if (current.status === 'met') return 'met';
  if (previous?.status === 'missed') return 'overdue';
  return current.status === 'at_risk' ? 'at_risk' : 'due';
};

/** The last day of the current period, or (met for now) of the following one. */
const nextDueOf = (enrolment: Enrolment, rule: ContactRule, current: PeriodResult | null) => {
  if (!current?.requirement) return null;
  if (current.status !== 'met') return addDays(current.end, -1);
  const [following] = periodsBetween(
    enrolment.startDate,
    rule.phases,
    current.end,
    addDays(current.end, 40),
  );
  return following ? addDays(following.end, -1) : null;
};

/**
 * The first day of the period that holds `day`, so that lateness is looked for over whole
 * periods: a period cut short would be judged on part of its days.
 */
const periodStartOn = (start: string, rule: ContactRule, day: string): string => {
  if (day <= start) return start;
  const since = daysBetween(start, day);
  const phase = rule.phases.find(
    (p) => p.fromDay <= since && (p.toDay === null || since < p.toDay),
  );
  if (!phase) return day;
  const phaseStart = addDays(start, phase.fromDay);
  const r = phase.requirement;
  const natural = !r
    ? phaseStart
    : r.kind === 'min_per_period' && r.period === 'month'
      ? `${day.slice(0, 7)}-01`
      : weekStart(day);
  return natural > phaseStart ? natural : phaseStart;
};

/** How late an overdue enrolment is (see Lateness); null when its last period was met. */
export const latenessOf = (
  enrolment: Pick<Enrolment, 'id' | 'startDate' | 'status' | 'closedOn'>,
  contacts: readonly ContactFacts[],
  rule: ContactRule,
  today: string,
): Lateness | null => {
  const from = periodStartOn(enrolment.startDate, rule, addDays(today, -LATE_LOOKBACK_DAYS));
  const done = evaluatePeriods(enrolment, contacts, rule, today, from).filter((p) => p.complete);
  let i = done.length - 1;
  if (done[i]?.status !== 'missed') return null;
  while (i > 0 && done[i - 1]?.status === 'missed') i--;
  const since = addDays((done[i] as PeriodResult).end, -1);
  return { since, days: daysBetween(since, today), atLeast: i === 0 && from > enrolment.startDate };
};

/**
 * Where an enrolment stands today: the current and previous period, the urgency for the
 * worker's agenda, the next due date, the plan and the lease. Pure: same inputs, same answer,
 * whatever order the contacts come in.
 */
export const evaluateEnrolment = (
  enrolment: Enrolment,
  contacts: readonly ContactFacts[],
  plans: readonly PlanFacts[],
  rule: ContactRule,
  today: string,
): EnrolmentEvaluation => {
  const lease = leaseState(enrolment, rule, today);
  const plan =
    enrolment.status === 'closed'
      ? { status: 'not_required' as const, due: null }
      : planStatus(enrolment, plans, rule, today);
  if (enrolment.status !== 'active' || enrolment.startDate > today) {
    return {
      urgency: 'none',
      current: null,
      previous: null,
      nextDue: null,
      late: null,
      plan,
      lease,
    };
  }
  const periods = evaluatePeriods(enrolment, contacts, rule, today, lookbackStart(rule, today));
  const current = periods.at(-1) ?? null;
  const previous = periods.at(-2) ?? null;
  const urgency = urgencyOf(current, previous);
  const late = urgency === 'overdue' ? latenessOf(enrolment, contacts, rule, today) : null;
  // Overdue: due since the missed period's last day (late is only null past the lookback).
  const nextDue =
    urgency === 'overdue' && previous
      ? (late?.since ?? addDays(previous.end, -1))
      : nextDueOf(enrolment, rule, current);
  return { urgency, current, previous, nextDue, late, plan, lease };
};
