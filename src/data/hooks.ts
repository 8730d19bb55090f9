import { getDb } from './db';
import { pendingCount, rejectedCount } from './outbox';
import { loadCaseload, loadHousehold, type CaseloadFilter } from './queries/caseload';
import { loadEnrolment } from './queries/enrolment';
import { loadHouseholdLabels } from './queries/labels';
import { loadCompliance } from './queries/team';
import { useLive } from './use-live';

/** Live views of the device database: components re-render when the data changes. */
export const useCaseload = (filter: CaseloadFilter) =>
  useLive(() => loadCaseload(getDb(), filter), [filter.workerId, filter.query, filter.today]);

export const useHousehold = (id: string) => useLive(() => loadHousehold(getDb(), id), [id]);

export const usePendingCount = () => useLive(() => pendingCount(getDb()), []) ?? 0;

export const useRejectedCount = () => useLive(() => rejectedCount(getDb()), []) ?? 0;

export const useEnrolment = (id: string) => useLive(() => loadEnrolment(getDb(), id), [id]);

export const useCompliance = (today: string) =>
  useLive(() => loadCompliance(getDb(), today), [today]);

export const useHouseholdLabels = (ids: readonly string[]) =>
  useLive(() => loadHouseholdLabels(getDb(), ids), [ids.join(',')]);
