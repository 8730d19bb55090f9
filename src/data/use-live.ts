import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { mutatedTables } from './mutated-tables';

const SETTLE_MS = 30;

/**
 * Tables no live query reads, so a write to them alone changes no answer: a snapshot of
 * what is already read (digest-cache.ts), the local audit trail, and drafts, which a form
 * saves while the user types (re-running the caseload under an open form each time made
 * typing stutter on a supervisor's tablet). A screen that reads one of these must not use
 * `useLive`, or must be taken off this list.
 */
const UNWATCHED_TABLES: ReadonlySet<string> = new Set(['snapshots', 'audit', 'drafts']);

/** Whether a write announced with these parts can change an answer. */
const touchesWatched = (parts: ObservabilitySet): boolean => {
  const tables = mutatedTables(parts);
  return !tables?.length || tables.some(({ table }) => !UNWATCHED_TABLES.has(table));
};

/**
 * Runs a query, and runs it again after any write to the device database (in this tab or
 * another), settling bursts such as a sync page into one re-run.
 *
 * Why not Dexie's liveQuery: it tracks what a query read through Dexie's zones, and our
 * multi-step queries (enrolments, then households, then recent contacts) lost that tracking
 * across native awaits when run from React, so the caseload stopped updating after a
 * contact was logged. Re-running on every write is simpler and always right; writes are
 * rare next to reads.
 */
export const useLive = <T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined => {
  const [state, setState] = useState<{ deps: readonly unknown[]; value: T | undefined }>({
    deps,
    value: undefined,
  });
  useEffect(() => {
    let cancelled = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const value = await query();
        if (!cancelled) setState({ deps, value });
      } catch (error) {
        // Surface the failure to the nearest error boundary rather than show stale data.
        if (!cancelled)
          setState(() => {
            throw error;
          });
      } finally {
        running = false;
        if (again && !cancelled) {
          again = false;
          void run();
        }
      }
    };
    const onChange = (parts: ObservabilitySet) => {
      if (!touchesWatched(parts)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void run(), SETTLE_MS);
    };
    Dexie.on('storagemutated', onChange);
    void run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onChange);
    };
    // The caller lists what the query depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  // Until the query for new deps answers, show nothing rather than another record's data.
  const same =
    state.deps.length === deps.length && state.deps.every((d, i) => Object.is(d, deps[i]));
  return same ? state.value : undefined;
};
