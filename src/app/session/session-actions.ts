import { restoreClock } from '../../data/clock';
import { vault } from '../../data/crypto/vault';
import type { TerenDb } from '../../data/db';
import {
  destroyKeyring,
  hasKeyring,
  openKeyringAtLogin,
  PasswordChangedWithPendingError,
  unlockDevice,
} from '../../data/keyring';
import { pendingCount } from '../../data/outbox';
import {
  deviceCheckKey,
  deviceId,
  forgetDevice,
  loadSession,
  loadSessionUser,
  saveSession,
} from '../../data/session';
import { OtherUserPendingError } from '../../features/session/other-user-pending';
import type { ApiClient } from '../../sync/api-client';
import type { SessionEvent } from './session-phase';

/** The database in use now: a wipe replaces it with a new one. */
export type CurrentDb = () => TerenDb;

/**
 * Erases local data, the key and the service worker's runtime caches: sign-out, revocation,
 * another user. The precache stays: it holds only the built app, which an offline device
 * needs to show the sign-in screen at all.
 */
export const wipeDevice = async (db: TerenDb): Promise<void> => {
  await destroyKeyring(db);
  if (typeof caches === 'undefined') return;
  for (const key of await caches.keys())
    if (!key.startsWith('workbox-precache')) await caches.delete(key);
};

/** How the app starts: the clock goes on where it stood; a kept session must be unlocked. */
export const startSession = async (db: TerenDb): Promise<SessionEvent> => {
  await restoreClock(db).catch(() => undefined);
  const user = await loadSessionUser(db);
  if (user && (await hasKeyring(db))) {
    vault.lock();
    return { type: 'started', lockedAs: user.user.name };
  }
  vault.disable();
  return { type: 'started', lockedAs: null };
};

/**
 * Someone else takes the device over: the last user's data goes first (their unsent work
 * must not be lost, so never while there is some), and the device is new to the server,
 * since a device id stays bound to the user who first signed in on it.
 */
const handOver = async (db: TerenDb, username: string): Promise<void> => {
  const before = await loadSessionUser(db);
  if (!before || before.user.username === username.trim().toLowerCase()) return;
  if ((await pendingCount(db)) > 0) throw new OtherUserPendingError(before.user.name);
  await wipeDevice(db);
  forgetDevice();
};

/**
 * The server may know the user under another name (renamed): data of one user never stays
 * on the device for another (docs/security.md fault 14), and one user's unsent work is
 * never sent, or wiped, under another's name.
 */
const dropOtherUsersData = async (db: TerenDb, userId: string): Promise<void> => {
  const previous = await loadSessionUser(db);
  if (!previous || previous.user.id === userId) return;
  if ((await pendingCount(db)) > 0) throw new OtherUserPendingError(previous.user.name);
  await wipeDevice(db);
};

/** Online sign-in: the device's key is opened (or made) with the password. */
export const signIn = async (
  currentDb: CurrentDb,
  api: ApiClient,
  form: { username: string; password: string },
): Promise<SessionEvent> => {
  await handOver(currentDb(), form.username);
  const response = await api.login({
    ...form,
    deviceId: await deviceId(currentDb()),
    deviceKey: deviceCheckKey(),
    deviceName: navigator.userAgent.slice(0, 100),
  });
  await dropOtherUsersData(currentDb(), response.user.id);
  try {
    await openKeyringAtLogin(currentDb(), response.user.id, form.password);
  } catch (e) {
    if (!(e instanceof PasswordChangedWithPendingError)) throw e;
    return { type: 'signedOut', notice: { key: 'unlock.passwordChangedPending' } };
  }
  // After a wipe the device has a new, empty database: always the current one.
  await saveSession(currentDb(), response);
  return { type: 'signedIn', session: response };
};

/** Offline unlock; wrong too often and the device forgot everything (keyring.ts). */
export const unlock = async (db: TerenDb, password: string) => {
  const outcome = await unlockDevice(db, password);
  let event: SessionEvent | null = null;
  if (outcome.result === 'ok') {
    const session = await loadSession(db);
    if (session) event = { type: 'unlocked', session };
  } else if (outcome.result === 'wiped')
    event = { type: 'unlockRefused', notice: { key: 'unlock.wiped', count: outcome.unsent ?? 0 } };
  else if (outcome.result === 'online_required')
    event = { type: 'unlockRefused', notice: { key: 'unlock.onlineRequired' } };
  return { outcome, event };
};

/**
 * How long signing out waits for the server to end the session: a busy server (the embedded
 * database answers one query at a time, and a first sync's pages may be queued before the
 * sign-out) must not keep the device's data after the worker tapped "Odhlásit se".
 */
const LOGOUT_WAIT_MS = 3_000;

/** How long the wipe may take before the page reloads to let it finish. */
const WIPE_WAIT_MS = 6_000;

/** Signs out here and on the server (when it answers in time), and wipes the device. */
export const signOut = async (
  db: TerenDb,
  api: ApiClient,
  reload: () => void = () => window.location.reload(),
): Promise<SessionEvent> => {
  const current = await loadSession(db).catch(() => undefined);
  if (current) {
    // Given up, the request is cut off: its late answer (Clear-Site-Data) must not reach a
    // new sign-in. The server's session then simply expires; its token is wiped here.
    const ask = new AbortController();
    const timer = setTimeout(() => ask.abort(), LOGOUT_WAIT_MS);
    await api.logout(current.token, ask.signal).catch(() => undefined);
    clearTimeout(timer);
  }
  const wiped = await Promise.race([
    wipeDevice(db).then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), WIPE_WAIT_MS)),
  ]);
  // The deletions are asked for; a connection of this page may hold them up (seen in CI,
  // not understood yet). A new page has none: they complete, and it starts signed out.
  if (!wiped) reload();
  return { type: 'signedOut' };
};

/**
 * The server revoked this device or its user: wiped, as the answer's Clear-Site-Data does,
 * whichever comes first. A new sign-in here is a new device, which an admin sees apart from
 * the revoked one.
 */
export const revoke = async (db: TerenDb, unsent: number): Promise<SessionEvent> => {
  await wipeDevice(db);
  forgetDevice();
  return { type: 'revoked', unsent };
};
