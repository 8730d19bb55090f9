import { useMemo } from 'react';
import { unreadCount } from './apply-pulled';
import { getDb } from './db';
import { pendingCount, rejectedCount } from './outbox';
import { loadCaseload, type CaseloadFilter } from './queries/caseload';
import { filterCaseload, type CaseloadFilters } from './queries/caseload-filter';
import { loadHousehold } from './queries/household';
import { loadEnrolment } from './queries/enrolment';
import { loadHouseholdLabels } from './queries/labels';
import { loadPlanForks } from './queries/plan-forks';
import { loadCompliance } from './queries/team';
import { loadRefused } from './refused';
import { loadCatalog } from './rules';
import { loadNotices } from './sync-notices';
import { useDeviceQuery } from './read-model/use-device-query';

/** Live views of the device database: components re-render when the data changes. */
export const useCaseload = (
  filter: CaseloadFilter & { query?: string; filters?: CaseloadFilters },
) => {
  const { workerId, today, query = '', filters } = filter;
  const rows = useDeviceQuery(() => loadCaseload(getDb(), { workerId, today }), [workerId, today]);
  return useMemo(() => rows && filterCaseload(rows, query, filters), [rows, query, filters]);
};

export const useHousehold = (id: string) => useDeviceQuery(() => loadHousehold(getDb(), id), [id]);

export const usePendingCount = () => useDeviceQuery(() => pendingCount(getDb()), []) ?? 0;

export const useRejectedCount = () => useDeviceQuery(() => rejectedCount(getDb()), []) ?? 0;

export const useEnrolment = (id: string) => useDeviceQuery(() => loadEnrolment(getDb(), id), [id]);

export const useCompliance = (today: string) =>
  useDeviceQuery(() => loadCompliance(getDb(), today), [today]);

export const useHouseholdLabels = (ids: readonly string[]) =>
  useDeviceQuery(() => loadHouseholdLabels(getDb(), ids), [ids.join(',')]);

/** Changes the server refused, decrypted, for the worker to read and settle. */
export const useRefused = () => useDeviceQuery(() => loadRefused(getDb()), []);

/** What sync did to this worker's changes that they must be told of (sync-notices.ts). */
export const useSyncNotices = () => useDeviceQuery(() => loadNotices(getDb()), []);

/** Pulled records waiting for an app version that can read them. */
export const useUnreadCount = () => useDeviceQuery(() => unreadCount(getDb()), []) ?? 0;

/** The city's districts as the server last listed them (null before the first sync). */
export const useCatalog = () => useDeviceQuery(() => loadCatalog(getDb()), []);

/** Plans that forked on two devices, for the supervisor's "Ke kontrole" (works offline). */
export const usePlanForks = () => useDeviceQuery(() => loadPlanForks(getDb()), []);
