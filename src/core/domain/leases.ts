import { addMonths } from '../time/prague';

/** The last day a lease starting on `start` may run to, when its programme limits it. */
export const leaseLatestEnd = (start: string, maxMonths: number): string =>
  addMonths(start, maxMonths);
