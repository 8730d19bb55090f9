import Dexie, { type ObservabilitySet } from 'dexie';
import { useEffect, useState } from 'react';
import { CHANGES_TABLE } from './change-log';
import { mutatedTables } from './announcements';

const SETTLE_MS = 30;

/**
 * Tables no screen reads, so a write to them alone changes no answer: the change log and
 * the read model's copy (read-model.ts reads them itself), the local audit trail, and
 * drafts, which a form saves while the user types (re-running the caseload under an open
 * form each time made typing stutter on a supervisor's tablet).
 */
export const BACKGROUND_TABLES: ReadonlySet<string> = new Set([
  CHANGES_TABLE,
  'snapshots',
  'audit',
  'drafts',
]);

/** Whether a write announced with these parts can change an answer. */
const touchesScreens = (parts: ObservabilitySet): boolean => {
  const tables = mutatedTables(parts);
  return !tables?.length || tables.some(({ table }) => !BACKGROUND_TABLES.has(table));
};

type Outcome<T> = { value: T } | { error: unknown };

/**
 * Runs `query` when asked, one run at a time: asked again while a run is going, it runs
 * once more after it, so the last answer is never older than the last write. After `stop`
 * nothing more is delivered.
 */
const serialRunner = <T>(query: () => Promise<T>, deliver: (outcome: Outcome<T>) => void) => {
  let stopped = false;
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const value = await query();
      if (!stopped) deliver({ value });
    } catch (error) {
      if (!stopped) deliver({ error });
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        void run();
      }
    }
  };
  return { run, stop: () => void (stopped = true) };
};

/**
 * How every screen reads the device database: runs a query (over the read model's held
 * tables and the database), and runs it again after any write another screen could see (in
 * this tab or another), settling bursts such as a sync page into one re-run. Queries are
 * cheap to run again: what they read of held tables is in memory (read-model.ts).
 */
export const useDeviceQuery = <T>(
  query: () => Promise<T>,
  deps: readonly unknown[],
): T | undefined => {
  const [state, setState] = useState<{ deps: readonly unknown[]; value: T | undefined }>({
    deps,
    value: undefined,
  });
  useEffect(() => {
    const runner = serialRunner(query, (outcome) => {
      if ('value' in outcome) return setState({ deps, value: outcome.value });
      // Surface the failure to the nearest error boundary rather than show stale data.
      setState(() => {
        throw outcome.error;
      });
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (parts: ObservabilitySet) => {
      if (!touchesScreens(parts)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void runner.run(), SETTLE_MS);
    };
    Dexie.on('storagemutated', onChange);
    void runner.run();
    return () => {
      runner.stop();
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
