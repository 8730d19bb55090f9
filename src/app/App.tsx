import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { restoreClock } from '../data/clock';
import { vault } from '../data/crypto/vault';
import { getDb } from '../data/db';
import {
  destroyKeyring,
  hasKeyring,
  openKeyringAtLogin,
  PasswordChangedWithPendingError,
  unlockDevice,
} from '../data/keyring';
import { pendingCount } from '../data/outbox';
import {
  deviceCheckKey,
  forgetDevice,
  deviceId,
  loadSession,
  loadSessionUser,
  saveSession,
  type StoredSession,
} from '../data/session';
import { OtherUserPendingError } from '../features/session/other-user-pending';
import { UnlockPage } from '../features/session/UnlockPage';
import { ServicesContext, type Services } from '../features/services';
import { i18n } from '../i18n/i18n';
import { createApiClient } from '../sync/api-client';
import { startSyncRunner, type SyncRunner } from '../sync/sync-runner';
import { registerServiceWorker } from './register-sw';
import { lazyScreen } from './lazy-screen';
import { useRevocationCheck } from './use-revocation-check';
import { ScreenBoundary } from './ScreenBoundary';
import { AppRoutes } from './router';
import { Shell } from './Shell';

// The sign-in form (and the form library under it) loads only when someone signs in.
const LoginPage = lazyScreen(() => import('../features/session/LoginPage'), 'LoginPage');
import { useInactivityLock } from './use-inactivity-lock';

const api = createApiClient();

/** The running sync loop of the signed-in session; one app per page, so one per page. */
let runner: SyncRunner | null = null;
const syncNow = () => runner?.syncNow() ?? Promise.resolve();

/**
 * Erases local data, the key and the service worker's runtime caches: logout, revocation.
 * The precache stays: it holds only the built app, which an offline device needs to show
 * the sign-in screen at all.
 */
const wipeDevice = async () => {
  await destroyKeyring(getDb());
  if ('caches' in window) {
    for (const key of await caches.keys())
      if (!key.startsWith('workbox-precache')) await caches.delete(key);
  }
};

type Phase =
  | { kind: 'loading' }
  | { kind: 'signedOut'; notice: string | null }
  | { kind: 'locked'; userName: string }
  | { kind: 'open'; session: StoredSession };

const Screens = () => {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    registerServiceWorker();
    // Ask the browser not to evict our data (Safari deletes it after 7 days otherwise).
    void navigator.storage?.persist?.();
    void (async () => {
      const db = getDb();
      // Before anything can be saved: the clock goes on from where it stood.
      await restoreClock(db).catch(() => undefined);
      const user = await loadSessionUser(db);
      if (user && (await hasKeyring(db))) {
        vault.lock();
        setPhase({ kind: 'locked', userName: user.user.name });
      } else {
        vault.disable();
        setPhase({ kind: 'signedOut', notice: null });
      }
    })();
  }, []);

  const lock = useCallback(() => {
    vault.lock();
    setPhase((p) => (p.kind === 'open' ? { kind: 'locked', userName: p.session.user.name } : p));
  }, []);
  useInactivityLock(
    phase.kind === 'open',
    lock,
    phase.kind === 'open' ? phase.session.policy.inactivityMinutes : undefined,
  );

  /** The server revoked this device or its user: wiped, and said so, with what was lost. */
  const revoked = useCallback(
    async (unsent: number) => {
      await wipeDevice();
      // As the answer's Clear-Site-Data does, whichever comes first: a new sign-in here is a
      // new device, which an admin sees apart from the revoked one.
      forgetDevice();
      setPhase({ kind: 'signedOut', notice: t('unlock.revoked', { count: unsent }) });
    },
    [t],
  );
  useRevocationCheck(phase.kind === 'locked', api, revoked);

  const signOut = useCallback(async () => {
    const current = await loadSession(getDb()).catch(() => undefined);
    if (current) await api.logout(current.token).catch(() => undefined);
    // A sync still running must not store anything once the device is wiped.
    runner?.stop();
    await wipeDevice();
    setPhase({ kind: 'signedOut', notice: null });
  }, []);

  const session = phase.kind === 'open' ? phase.session : null;
  useEffect(() => {
    if (!session) return;
    const r = startSyncRunner(getDb(), api, {
      onRevoked: (unsent) => {
        r.stop();
        void revoked(unsent);
      },
      onSessionExpired: () => {
        vault.lock();
        setPhase({ kind: 'signedOut', notice: null });
      },
    });
    runner = r;
    return () => {
      r.stop();
      runner = null;
    };
  }, [session, revoked]);

  const login = async (form: { username: string; password: string }) => {
    const db = getDb();
    const before = await loadSessionUser(db);
    if (before && before.user.username !== form.username.trim().toLowerCase()) {
      // Someone else takes the device over: the last user's data goes first (their unsent
      // work must not be lost, so never while there is some), and the device is new to the
      // server, since a device id stays bound to the user who first signed in on it.
      if ((await pendingCount(db)) > 0) throw new OtherUserPendingError(before.user.name);
      await wipeDevice();
      forgetDevice();
    }
    const response = await api.login({
      ...form,
      deviceId: await deviceId(getDb()),
      deviceKey: deviceCheckKey(),
      deviceName: navigator.userAgent.slice(0, 100),
    });
    const previous = await loadSessionUser(getDb());
    // Data of one user never stays on the device for another (docs/security.md fault 14), and
    // one user's unsent work is never sent, or wiped, under another's name.
    if (previous && previous.user.id !== response.user.id) {
      if ((await pendingCount(getDb())) > 0) throw new OtherUserPendingError(previous.user.name);
      await wipeDevice();
    }
    try {
      // After a wipe the device has a new, empty database: always the current one.
      await openKeyringAtLogin(getDb(), response.user.id, form.password);
    } catch (e) {
      if (e instanceof PasswordChangedWithPendingError) {
        setPhase({ kind: 'signedOut', notice: t('unlock.passwordChangedPending') });
        return;
      }
      throw e;
    }
    await saveSession(getDb(), response);
    setPhase({ kind: 'open', session: response });
  };

  const unlock = async (password: string) => {
    const db = getDb();
    const outcome = await unlockDevice(db, password);
    if (outcome.result === 'ok') {
      const s = await loadSession(db);
      if (s) setPhase({ kind: 'open', session: s });
    } else if (outcome.result === 'wiped') {
      setPhase({ kind: 'signedOut', notice: t('unlock.wiped', { count: outcome.unsent ?? 0 }) });
    } else if (outcome.result === 'online_required') {
      setPhase({ kind: 'signedOut', notice: t('unlock.onlineRequired') });
    }
    return outcome;
  };

  const services: Services | null = useMemo(
    () => (session ? { api, session, syncNow, signOut } : null),
    [session, signOut],
  );

  switch (phase.kind) {
    case 'loading':
      return null;
    case 'locked':
      return (
        <UnlockPage
          userName={phase.userName}
          onUnlock={unlock}
          onSwitchUser={() => setPhase({ kind: 'signedOut', notice: null })}
        />
      );
    case 'signedOut':
      return (
        <ScreenBoundary fallback={null}>
          <LoginPage onLogin={login} notice={phase.notice} />
        </ScreenBoundary>
      );
    case 'open':
      return (
        <ServicesContext.Provider value={services}>
          <Shell>
            <AppRoutes />
          </Shell>
        </ServicesContext.Provider>
      );
  }
};

export const App = () => (
  <I18nextProvider i18n={i18n}>
    <Screens />
  </I18nextProvider>
);
