import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';

const SETTLE_MS = 30;

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
      // A snapshot of what is already read (digest-cache.ts) changes no answer.
      const changed = Object.keys(parts);
      if (changed.length && changed.every((part) => part.split('/')[3] === 'snapshots')) return;
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
