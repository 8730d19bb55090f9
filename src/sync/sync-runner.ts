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

/**
 * Runs sync at start, when the connection returns, when the app becomes visible, on a
 * timer while online, and on demand; after a failure, again after a back-off. Only one tab
 * syncs at a time (Web Locks).
 */
export const startSyncRunner = (db: TerenDb, api: ApiClient, events: SyncRunnerEvents) => {
  const set = useSyncStatus.setState;
  // Stopped (sign-out, revocation): a sync still running stores nothing more.
  const stopped = new AbortController();
  let running: Promise<void> | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const failed = (e: unknown, unsent: number) => {
    if (stopped.signal.aborted) return;
    const outcome = failureOutcome(e);
    set(outcome.status);
    failures++;
    if (outcome.retry) retryTimer = setTimeout(() => void syncNow(), retryDelay(failures));
    if (outcome.revoked) events.onRevoked(unsent);
    if (outcome.expired) events.onSessionExpired();
  };

  const runOnce = async () => {
    // Locked (or signed out) meanwhile: the token is sealed, nothing to sync with.
    const session = await loadSession(db).catch(() => undefined);
    if (!session) return;
    if (!navigator.onLine) return set({ online: false, phase: 'idle' });
    set({ phase: 'syncing', received: 0, history: false, error: null });
    const unsent = await db.outbox.count().catch(() => 0);
    try {
      await syncOnce(db, api, session.token, {
        onProgress: (received, part) => set({ received, history: part === 'history' }),
        signal: stopped.signal,
      });
      set({
        online: true,
        phase: 'idle',
        history: false,
        error: null,
        lastSyncAt: new Date().toISOString(),
      });
      await noteServerContact(db);
      failures = 0;
    } catch (e) {
      failed(e, unsent);
    }
  };

  function syncNow(): Promise<void> {
    clearTimeout(retryTimer);
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
      clearTimeout(retryTimer);
    },
  };
};
export type SyncRunner = ReturnType<typeof startSyncRunner>;
