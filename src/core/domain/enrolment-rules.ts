import type { Enrolment } from '../records/enrolment';
import { leaseLatestEnd } from './leases';
import type { ProgrammeInfo } from './programmes';

export type EnrolmentProblem =
  | { path: 'lease.flat'; code: 'required' }
  | { path: 'lease.end'; code: 'required' | 'before_start' | 'lease_too_long'; max?: string }
  | { path: 'closeReason'; code: 'close_needs_reason' }
  | { path: 'consent.date'; code: 'consent_needs_date' };

type Checked = Pick<
  Enrolment,
  'programme' | 'status' | 'closedOn' | 'closeReason' | 'lease' | 'consent'
>;

/** A housing tier's lease: a flat, an end after the start, within the programme's limit. */
const leaseProblems = (
  lease: Checked['lease'],
  { leaseMaxMonths }: Pick<ProgrammeInfo, 'leaseMaxMonths'>,
): EnrolmentProblem[] => {
  if (!lease) return [{ path: 'lease.flat', code: 'required' }];
  const problems: EnrolmentProblem[] = [];
  if (!lease.flat) problems.push({ path: 'lease.flat', code: 'required' });
  const max = leaseMaxMonths === null ? null : leaseLatestEnd(lease.start, leaseMaxMonths);
  if (max && !lease.end) problems.push({ path: 'lease.end', code: 'required' });
  else if (lease.end && lease.end < lease.start)
    problems.push({ path: 'lease.end', code: 'before_start' });
  else if (max && lease.end && lease.end > max)
    problems.push({ path: 'lease.end', code: 'lease_too_long', max });
  return problems;
};

/**
 * Rules across fields of an enrolment that one field's schema cannot express: housing tiers
 * have a flat and a lease, a lease ends within its programme's limit (crisis housing: 6
 * months), a closed enrolment says when and why, and consent has a date.
 */
export const enrolmentProblems = (
  e: Checked,
  programme: Pick<ProgrammeInfo, 'housing' | 'leaseMaxMonths'>,
): EnrolmentProblem[] => {
  const problems: EnrolmentProblem[] = programme.housing ? leaseProblems(e.lease, programme) : [];
  if (e.status === 'closed' && (!e.closedOn || !e.closeReason)) {
    problems.push({ path: 'closeReason', code: 'close_needs_reason' });
  }
  if (e.consent.given && !e.consent.date)
    problems.push({ path: 'consent.date', code: 'consent_needs_date' });
  return problems;
};
