import { matchesQuery, type LocalityKind, type Urgency } from '../../core';
import type { CaseloadRow } from './caseload';

/** What a worker may narrow the caseload to; '' is "any". Codes only: no client's data. */
export type CaseloadFilters = {
  urgency: Urgency | 'attention' | '';
  programme: string;
  district: string;
  localityKind: LocalityKind | '';
  workerId: string;
};

export const NO_FILTERS: CaseloadFilters = {
  urgency: '',
  programme: '',
  district: '',
  localityKind: '',
  workerId: '',
};

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
const matchesUrgency = (r: CaseloadRow, u: CaseloadFilters['urgency']) =>
  !u || (u === 'attention' ? r.urgency === 'overdue' || r.urgency === 'at_risk' : r.urgency === u);

/** Whether a row passes the filters (any enrolment of the programme or worker will do). */
const matchesFilters = (r: CaseloadRow, f: CaseloadFilters): boolean =>
  matchesUrgency(r, f.urgency) &&
  (!f.programme || r.enrolments.some((e) => e.programme === f.programme)) &&
  (!f.workerId || r.enrolments.some((e) => e.workerId === f.workerId)) &&
  (!f.district || r.household.district === f.district) &&
  (!f.localityKind || r.household.localityKind === f.localityKind);

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
