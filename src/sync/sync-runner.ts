import type { TerenDb } from '../data/db';
import { pendingCount } from '../data/outbox';
import { saveRules } from '../data/rules';
import { loadSession } from '../data/session';
import type { ContactRule } from '../core';
import { ApiError, type ApiClient } from './api-client';
import { pullAll } from './pull';
import { useSyncStatus } from './status-store';

const TIMER_MS = 5 * 60_000;
const LOCK_NAME = 'teren-sync';

export type SyncRunnerEvents = {
  /** The server refused this user or device: local data must go (security.md item 4). */
  onRevoked: () => void;
  onSessionExpired: () => void;
};

/**
 * Runs sync at start, when the connection returns, when the app becomes visible, on a
 * timer while online, and on demand. Only one tab syncs at a time (Web Locks).
 */
export const startSyncRunner = (db: TerenDb, api: ApiClient, events: SyncRunnerEvents) => {
  const set = useSyncStatus.setState;
  let running: Promise<void> | null = null;

  const refreshPending = async () => set({ pending: await pendingCount(db) });

  const runOnce = async () => {
    const session = await loadSession(db);
    if (!session) return;
    if (!navigator.onLine) {
      set({ online: false, phase: 'idle' });
      return;
    }
    set({ phase: 'syncing', received: 0, error: null });
    try {
      await pullAll(db, api, session.token, (received) => set({ received }));
      await saveRules(db, (await api.rules(session.token)) as ContactRule[]);
      set({ phase: 'idle', lastSyncAt: new Date().toISOString(), error: null });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'internal';
      set({ phase: 'error', error: code });
      if (e instanceof ApiError && e.status === 403) events.onRevoked();
      if (code === 'session_expired' || code === 'unauthorized') events.onSessionExpired();
    } finally {
      await refreshPending();
    }
  };

  const syncNow = (): Promise<void> => {
    running ??= (
      navigator.locks
        ? navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
            if (lock) await runOnce();
          })
        : runOnce()
    ).finally(() => {
      running = null;
    });
    return running;
  };

  const onOnline = () => {
    set({ online: true });
    void syncNow();
  };
  const onOffline = () => set({ online: false });
  const onVisible = () => {
    if (document.visibilityState === 'visible') void syncNow();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => {
    if (navigator.onLine) void syncNow();
  }, TIMER_MS);
  void refreshPending();
  void syncNow();

  return {
    syncNow,
    refreshPending,
    stop: () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    },
  };
};
export type SyncRunner = ReturnType<typeof startSyncRunner>;
