import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';
import { loadCaseload, loadHousehold, type CaseloadFilter } from './queries/caseload';
import { loadEnrolment } from './queries/enrolment';

/** Live views of the device database: components re-render when the data changes. */
export const useCaseload = (filter: CaseloadFilter) =>
  useLiveQuery(() => loadCaseload(getDb(), filter), [filter.workerId, filter.query]);

export const useHousehold = (id: string) => useLiveQuery(() => loadHousehold(getDb(), id), [id]);

export const usePendingCount = () => useLiveQuery(() => getDb().outbox.count(), [], 0);

export const useEnrolment = (id: string) => useLiveQuery(() => loadEnrolment(getDb(), id), [id]);
