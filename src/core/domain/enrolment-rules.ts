import type { Enrolment } from '../records/enrolment';
import { crisisLeaseLatestEnd } from './leases';
import { isHousing } from './programmes';

export type EnrolmentProblem =
  | { path: 'lease.flat'; code: 'required' }
  | { path: 'lease.end'; code: 'required' | 'before_start' | 'crisis_too_long'; max?: string }
  | { path: 'closeReason'; code: 'close_needs_reason' }
  | { path: 'consent.date'; code: 'consent_needs_date' };

type Checked = Pick<
  Enrolment,
  'programme' | 'status' | 'closedOn' | 'closeReason' | 'lease' | 'consent'
>;

/**
 * Rules across fields of an enrolment that one field's schema cannot express: housing tiers
 * have a flat and a lease, a crisis lease ends within 6 months, a closed enrolment says
 * when and why, and consent has a date.
 */
export const enrolmentProblems = (e: Checked): EnrolmentProblem[] => {
  const problems: EnrolmentProblem[] = [];
  if (isHousing(e.programme)) {
    if (!e.lease?.flat) problems.push({ path: 'lease.flat', code: 'required' });
    if (e.lease) {
      const max = crisisLeaseLatestEnd(e.lease.start);
      if (e.programme === 'crisis_housing' && !e.lease.end)
        problems.push({ path: 'lease.end', code: 'required' });
      else if (e.lease.end && e.lease.end < e.lease.start)
        problems.push({ path: 'lease.end', code: 'before_start' });
      else if (e.programme === 'crisis_housing' && e.lease.end && e.lease.end > max) {
        problems.push({ path: 'lease.end', code: 'crisis_too_long', max });
      }
    }
  }
  if (e.status === 'closed' && (!e.closedOn || !e.closeReason)) {
    problems.push({ path: 'closeReason', code: 'close_needs_reason' });
  }
  if (e.consent.given && !e.consent.date)
    problems.push({ path: 'consent.date', code: 'consent_needs_date' });
  return problems;
};
