import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { getDb } from '../data/db';
import { pendingCount } from '../data/outbox';
import {
  deviceId,
  loadSession,
  saveSession,
  wipeLocalData,
  type StoredSession,
} from '../data/session';
import { LoginPage, OtherUserPendingError } from '../features/session/LoginPage';
import { ServicesContext, type Services } from '../features/services';
import { i18n } from '../i18n/i18n';
import { createApiClient } from '../sync/api-client';
import { startSyncRunner, type SyncRunner } from '../sync/sync-runner';
import { registerServiceWorker } from './register-sw';
import { createAppRouter } from './router';

const api = createApiClient();

/** The running sync loop of the signed-in session; one app per page, so one per page. */
let runner: SyncRunner | null = null;
const syncNow = () => runner?.syncNow() ?? Promise.resolve();

/** Removes local data and the service worker's caches: logout, revocation (security.md 4, 8). */
const wipeDevice = async () => {
  await wipeLocalData(getDb());
  if ('caches' in window) {
    for (const key of await caches.keys())
      if (!key.startsWith('workbox-precache')) await caches.delete(key);
  }
};

export const App = () => {
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  const router = useMemo(() => createAppRouter(), []);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    registerServiceWorker();
    // Ask the browser not to evict our data (Safari deletes it after 7 days otherwise).
    void navigator.storage?.persist?.();
    void loadSession(getDb()).then((s) => setSession(s ?? null));
  }, []);

  const signOut = useCallback(async () => {
    const current = await loadSession(getDb());
    if (current) await api.logout(current.token).catch(() => undefined);
    await wipeDevice();
    setSession(null);
  }, []);

  useEffect(() => {
    if (!session) return;
    const r = startSyncRunner(getDb(), api, {
      onRevoked: () => {
        void wipeDevice().then(() => setSession(null));
      },
      onSessionExpired: () => setSession(null),
    });
    runner = r;
    return () => {
      r.stop();
      runner = null;
    };
  }, [session]);

  const login = async (form: { username: string; password: string }) => {
    const db = getDb();
    const response = await api.login({
      ...form,
      deviceId: await deviceId(db),
      deviceName: navigator.userAgent.slice(0, 100),
    });
    const previous = await loadSession(db);
    // Data of one user never stays on the device for another (security.md fault 14), and
    // one user's unsent work is never sent, or wiped, under another's name.
    if (previous && previous.user.id !== response.user.id) {
      if ((await pendingCount(db)) > 0) throw new OtherUserPendingError(previous.user.name);
      await wipeDevice();
    }
    await saveSession(db, response);
    setSession(response);
  };

  const services: Services | null = useMemo(
    () => (session ? { api, session, syncNow, signOut } : null),
    [session, signOut],
  );

  return (
    <I18nextProvider i18n={i18n}>
      {session === undefined ? null : services ? (
        <ServicesContext.Provider value={services}>
          <RouterProvider router={router} />
        </ServicesContext.Provider>
      ) : (
        <LoginPage onLogin={login} />
      )}
    </I18nextProvider>
  );
};
