import { addMonths } from '../time/prague';
import { CRISIS_LEASE_MAX_MONTHS } from './programmes';

/** The last day a crisis-housing lease starting on `start` may run to. */
export const crisisLeaseLatestEnd = (start: string): string =>
  addMonths(start, CRISIS_LEASE_MAX_MONTHS);
