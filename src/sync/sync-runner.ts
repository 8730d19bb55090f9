import Dexie from 'dexie';
import type { TerenDb } from '../data/db';
import { noteServerContact } from '../data/keyring';
import { pendingCount } from '../data/outbox';
import { loadSession } from '../data/session';
import type { ApiClient } from './api-client';
import { retryDelay } from './backoff';
import { runExclusive } from './exclusive';
import { failureOutcome } from './sync-policy';
import { syncOnce } from './sync-once';
import { useSyncStatus } from './status-store';

const TIMER_MS = 5 * 60_000;
/** A change saved while online goes to the server this soon, not at the next timer. */
const AFTER_WRITE_MS = 2_000;
const LOCK_NAME = 'teren-sync';

export type SyncRunnerEvents = {
  /**
   * The server refused this user or device: local data must go (docs/security.md item 4).
   * With how many changes had not been sent: counted before the sync, since the revocation's
   * answer makes the browser clear the storage before the app reads it again.
   */
  onRevoked: (unsent: number) => void;
  onSessionExpired: () => void;
};

/** What starts a sync: the connection returning, the app shown, a timer, a saved change. */
const watchTriggers = (db: TerenDb, syncNow: () => void, busy: () => boolean) => {
  const set = useSyncStatus.setState;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const onWrite = () => {
    clearTimeout(soon);
    soon = setTimeout(() => {
      void pendingCount(db).then((n) => {
        if (n > 0 && navigator.onLine && !busy()) syncNow();
      });
    }, AFTER_WRITE_MS);
  };
  const onOnline = () => {
    set({ online: true });
    syncNow();
  };
  const onOffline = () => set({ online: false });
  const onVisible = () => {
    if (document.visibilityState === 'visible') syncNow();
  };
  Dexie.on('storagemutated', onWrite);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => navigator.onLine && syncNow(), TIMER_MS);
  return () => {
    Dexie.on('storagemutated').unsubscribe(onWrite);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(timer);
    clearTimeout(soon);
  };
};

type Round = { ok: true } | { ok: false; error: unknown; unsent: number } | 'skipped';

/** One sync: the session (none while locked or signed out), the connection, then the steps. */
const syncRound = async (db: TerenDb, api: ApiClient, signal: AbortSignal): Promise<Round> => {
  const set = useSyncStatus.setState;
  // Locked (or signed out) meanwhile: the token is sealed, nothing to sync with.
  const session = await loadSession(db).catch(() => undefined);
  if (!session) return 'skipped';
  if (!navigator.onLine) {
    set({ online: false, phase: 'idle' });
    return 'skipped';
  }
  set({ phase: 'syncing', received: 0, history: false, error: null });
  const unsent = await db.outbox.count().catch(() => 0);
  try {
    const last = await syncOnce(db, api, session.token, {
      onProgress: (_, part, fromOthers) =>
        set({ received: fromOthers, history: part === 'history' }),
      signal,
    });
    const lastSyncAt = new Date().toISOString();
    set({ online: true, phase: 'idle', history: false, error: null, lastSyncAt, last });
    await noteServerContact(db);
    return { ok: true };
  } catch (error) {
    return { ok: false, error, unsent };
  }
};

/** Failures in a row, and the timer of the next try after the last one. */
const backOff = (retry: () => void) => {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    failed: (again: boolean) => {
      failures++;
      if (again) timer = setTimeout(retry, retryDelay(failures));
    },
    succeeded: () => {
      failures = 0;
    },
    cancel: () => clearTimeout(timer),
  };
};

/**
 * Runs sync at start, when the connection returns, when the app becomes visible, on a
 * timer while online, and on demand; after a failure, again after a back-off. Only one tab
 * syncs at a time (Web Locks).
 */
export const startSyncRunner = (db: TerenDb, api: ApiClient, events: SyncRunnerEvents) => {
  // Stopped (sign-out, revocation): a sync still running stores nothing more.
  const stopped = new AbortController();
  const retries = backOff(() => void syncNow());
  let running: Promise<void> | null = null;

  const runOnce = async () => {
    const round = await syncRound(db, api, stopped.signal);
    if (round === 'skipped' || stopped.signal.aborted) return;
    if (round.ok) return retries.succeeded();
    const outcome = failureOutcome(round.error);
    useSyncStatus.setState(outcome.status);
    retries.failed(outcome.retry);
    if (outcome.revoked) events.onRevoked(round.unsent);
    if (outcome.expired) events.onSessionExpired();
  };

  function syncNow(): Promise<void> {
    retries.cancel();
    running ??= runExclusive(LOCK_NAME, runOnce).finally(() => {
      running = null;
    });
    return running;
  }

  const unwatch = watchTriggers(
    db,
    () => void syncNow(),
    () => running !== null,
  );
  void syncNow();
  return {
    syncNow,
    stop: () => {
      stopped.abort();
      unwatch();
      retries.cancel();
    },
  };
};
export type SyncRunner = ReturnType<typeof startSyncRunner>;
