import {
  matchesQuery,
  type Enrolment,
  type EnrolmentEvaluation,
  type LocalityKind,
  type Urgency,
} from '../../core';
import type { CaseloadRow } from './caseload';

/** What a worker may narrow the caseload to; '' is "any". Codes only: no client's data. */
export type CaseloadFilters = {
  urgency: Urgency | 'attention' | '';
  programme: string;
  district: string;
  localityKind: LocalityKind | '';
  workerId: string;
  /** What a case needs besides contacts: the supervisor's overview counts these. */
  need: CaseNeed | '';
};

export const CASE_NEEDS = ['plan_late', 'sign_off', 'lease_ending'] as const;
export type CaseNeed = (typeof CASE_NEEDS)[number];

export const NO_FILTERS: CaseloadFilters = {
  urgency: '',
  programme: '',
  district: '',
  localityKind: '',
  workerId: '',
  need: '',
};

/**
 * Whether an enrolment needs this: a plan missing or due for review, a plan revision waiting
 * for sign-off, a lease in its countdown. The same tests as the team overview's counts
 * (queries/team.ts), so a number there and the list behind it agree.
 */
export const needs = (
  need: CaseNeed,
  evaluation: EnrolmentEvaluation | undefined,
  signOffDue: boolean,
): boolean =>
  need === 'plan_late'
    ? evaluation?.plan.status === 'overdue' || evaluation?.plan.status === 'review_due'
    : need === 'sign_off'
      ? signOffDue
      : !!evaluation?.lease?.warning;

/** How many filters are set, for the button that opens them. */
export const activeFilters = (f: CaseloadFilters): number =>
  Object.values(f).filter((v) => v !== '').length;

const digitsOf = (s: string) => s.replace(/\D+/g, '');

/**
 * A query of digits (spaces, "+" and dashes allowed, at least 3 digits) searches phone
 * numbers, wherever in the number the digits are: "777 123" finds "+420 777 123 456".
 */
const phoneQuery = (query: string): string | null => {
  if (!/^[\d\s+\-/()]+$/.test(query.trim())) return null;
  const digits = digitsOf(query);
  return digits.length >= 3 ? digits : null;
};

/** Whether a row matches the typed query: names, street, locality, or a phone number. */
const matchesText = (r: CaseloadRow, query: string): boolean => {
  const phone = phoneQuery(query);
  if (phone)
    return [r.household.phone, ...r.people.map((p) => p.phone)].some(
      (n) => !!n && digitsOf(n).includes(phone),
    );
  return matchesQuery(
    [
      r.household.label,
      r.household.street,
      r.household.localityName,
      ...r.people.map((p) => `${p.firstName} ${p.lastName}`),
    ].join(' '),
    query,
  );
};

/** "Needs attention" is overdue or at risk: the two a worker acts on today. */
const matchesUrgency = (u: Urgency, wanted: CaseloadFilters['urgency']) =>
  !wanted || (wanted === 'attention' ? u === 'overdue' || u === 'at_risk' : u === wanted);

/** One enrolment passes what is asked of enrolments: programme, worker, urgency and need. */
const enrolmentPasses = (r: CaseloadRow, e: Enrolment, f: CaseloadFilters): boolean => {
  const evaluation = r.evaluations.get(e.id);
  return (
    (!f.programme || e.programme === f.programme) &&
    (!f.workerId || e.workerId === f.workerId) &&
    matchesUrgency(evaluation?.urgency ?? 'none', f.urgency) &&
    (!f.need || needs(f.need, evaluation, r.signOffDue.includes(e.id)))
  );
};

const ENROLMENT_FILTERS = ['programme', 'workerId', 'urgency', 'need'] as const;

/**
 * Whether a row passes the filters: its household's district and kind of locality, and one
 * of its enrolments all of the enrolment filters together (the overdue cases of a worker
 * are that worker's enrolments that are overdue, not a colleague's in the same household).
 */
const matchesFilters = (r: CaseloadRow, f: CaseloadFilters): boolean =>
  (!f.district || r.household.district === f.district) &&
  (!f.localityKind || r.household.localityKind === f.localityKind) &&
  (ENROLMENT_FILTERS.every((k) => !f[k]) || r.enrolments.some((e) => enrolmentPasses(r, e, f)));

/**
 * The rows that pass the filters and match what was typed (without diacritics, or digits
 * of a phone). In memory, so typing or choosing a filter does not read the database again.
 */
export const filterCaseload = (
  rows: readonly CaseloadRow[],
  query: string,
  filters: CaseloadFilters = NO_FILTERS,
): CaseloadRow[] => {
  const q = query.trim();
  if (!q && activeFilters(filters) === 0) return [...rows];
  return rows.filter((r) => matchesFilters(r, filters) && (!q || matchesText(r, q)));
};
