import Dexie from 'dexie';
import type { TerenDb } from '../data/db';
import { reapplyUnread } from '../data/apply-pulled';
import { noteServerContact } from '../data/keyring';
import { pendingCount } from '../data/outbox';
import { rulesToFetch, saveCatalog, saveRules } from '../data/rules';
import { loadSession } from '../data/session';
import type { ContactRule } from '../core';
import { ApiError, type ApiClient } from './api-client';
import { pullAll } from './pull';
import { pushAll } from './push';
import { uploadAudit } from './upload-audit';
import { useSyncStatus } from './status-store';

const TIMER_MS = 5 * 60_000;

/** Failures retrying cannot mend: a person must update the app, sign in, or was blocked. */
const NEEDS_A_PERSON: ReadonlySet<string> = new Set([
  'update_required',
  'protocol_unsupported',
  'revoked',
  'unauthorized',
  'session_expired',
]);

/** The sync server's explicit answer (problem+json, code `revoked`) for a blocked device or user. */
export const isRevocation = (e: unknown): boolean =>
  e instanceof ApiError && e.status === 403 && e.code === 'revoked';
const LOCK_NAME = 'teren-sync';

export type SyncRunnerEvents = {
  /** The server refused this user or device: local data must go (docs/security.md item 4). */
  /**
   * With how many changes had not been sent: counted before the sync, since the revocation's
   * answer makes the browser clear the storage before the app reads it again.
   */
  onRevoked: (unsent: number) => void;
  onSessionExpired: () => void;
};

/**
 * Runs sync at start, when the connection returns, when the app becomes visible, on a
 * timer while online, and on demand. Only one tab syncs at a time (Web Locks).
 */
export const startSyncRunner = (db: TerenDb, api: ApiClient, events: SyncRunnerEvents) => {
  const set = useSyncStatus.setState;
  // Stopped (sign-out, revocation): a sync still running stores nothing more.
  const stopped = new AbortController();
  let running: Promise<void> | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let soonTimer: ReturnType<typeof setTimeout> | undefined;

  /** After a failure, try again later: exponential back-off with jitter, at most 5 minutes. */
  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    const delay = Math.min(5 * 60_000, 5_000 * 2 ** Math.min(failures, 6)) * (0.5 + Math.random());
    retryTimer = setTimeout(() => void syncNow(), delay);
  };

  const runOnce = async () => {
    // Locked (or signed out) meanwhile: the token is sealed, nothing to sync with.
    const session = await loadSession(db).catch(() => undefined);
    if (!session) return;
    if (!navigator.onLine) {
      set({ online: false, phase: 'idle' });
      return;
    }
    set({ phase: 'syncing', received: 0, history: false, error: null });
    const unsent = await db.outbox.count().catch(() => 0);
    try {
      // Records an older version of this app could not read, readable after an update.
      await reapplyUnread(db);
      await pushAll(db, api, session.token);
      await uploadAudit(db, api, session.token);
      await pullAll(db, api, session.token, {
        onProgress: (received, part) => set({ received, history: part === 'history' }),
        signal: stopped.signal,
      });
      // Rules change rarely: fetched only when the pull says they differ from ours.
      const version = await rulesToFetch(db);
      if (version !== null) {
        // The city's districts change with the same fingerprint; an older server has none.
        const catalog = await api.catalog(session.token).catch(() => null);
        if (catalog) await saveCatalog(db, catalog);
        await saveRules(db, (await api.rules(session.token)) as ContactRule[], version);
      }
      set({
        online: true,
        phase: 'idle',
        history: false,
        lastSyncAt: new Date().toISOString(),
        error: null,
      });
      await noteServerContact(db);
      failures = 0;
    } catch (e) {
      if (stopped.signal.aborted) return;
      const code = e instanceof ApiError ? e.code : 'internal';
      // The server could not be reached at all: for the worker that is being offline,
      // whatever navigator.onLine claims (it says online on a network without internet,
      // and in some browsers right after an offline reload). Tried again with back-off
      // below; the first sync that gets through shows online again.
      if (code === 'offline') set({ online: false, phase: 'idle', error: null });
      else set({ phase: 'error', error: code });
      failures++;
      if (!NEEDS_A_PERSON.has(code)) scheduleRetry();
      // Only the server's own answer for a revoked device or a disabled user wipes: a 403
      // from a proxy, a firewall or a captive portal is an error like any other, retried
      // with the outbox kept.
      if (isRevocation(e)) events.onRevoked(unsent);
      if (code === 'session_expired' || code === 'unauthorized') events.onSessionExpired();
    }
  };

  function syncNow(): Promise<void> {
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
  }

  // A change saved while online goes to the server within seconds, not at the next timer.
  const onWrite = () => {
    clearTimeout(soonTimer);
    soonTimer = setTimeout(() => {
      void pendingCount(db).then((n) => {
        if (n > 0 && navigator.onLine && !running) void syncNow();
      });
    }, 2_000);
  };
  Dexie.on('storagemutated', onWrite);

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
  void syncNow();

  return {
    syncNow,
    stop: () => {
      stopped.abort();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
      clearTimeout(retryTimer);
      clearTimeout(soonTimer);
      Dexie.on('storagemutated').unsubscribe(onWrite);
    },
  };
};
export type SyncRunner = ReturnType<typeof startSyncRunner>;
