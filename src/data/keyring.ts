import { createKeyring, unwrapKeyring, PBKDF2_ITERATIONS, type Keyring } from './crypto/keys';
import { vault } from './crypto/vault';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';
import { pendingCount } from './outbox';
import { loadSessionUser, wipeLocalData } from './session';
import { DEFAULT_DEVICE_POLICY } from '../core';

const KEYRING_KEY = 'keyring';
const FAILURES_KEY = 'unlock.failures';
const LAST_CONTACT_KEY = 'lastServerContact';

/** After this many wrong passwords in a row the key is destroyed with the data it protects. */
export const MAX_FAILED_UNLOCKS = 5;

export const hasKeyring = async (db: TerenDb) => !!(await readMeta<Keyring>(db, KEYRING_KEY));

export class PasswordChangedWithPendingError extends Error {
  constructor() {
    super('password_changed_pending');
  }
}

/**
 * At an online sign-in: open this user's keyring with their password, or make a new one.
 * A keyring that does not open (the password was changed elsewhere) is replaced, and the
 * data it sealed removed, unless unsent changes are sealed in it.
 */
export const openKeyringAtLogin = async (
  db: TerenDb,
  userId: string,
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<void> => {
  const existing = await readMeta<Keyring>(db, KEYRING_KEY);
  const key =
    existing && existing.userId === userId ? await unwrapKeyring(existing, password) : null;
  if (key) {
    vault.open(key);
  } else {
    if (existing && (await pendingCount(db)) > 0) throw new PasswordChangedWithPendingError();
    // Another user's (or an old password's) data goes, files and all; a new database follows.
    const target = existing ? await wipeLocalData(db) : db;
    const fresh = await createKeyring(userId, password, iterations);
    await writeMeta(target, KEYRING_KEY, fresh.keyring);
    vault.open(fresh.key);
    await writeMeta(target, FAILURES_KEY, 0);
    await noteServerContact(target);
    return;
  }
  await writeMeta(db, FAILURES_KEY, 0);
  await noteServerContact(db);
};

export type UnlockResult = 'ok' | 'wrong' | 'wiped' | 'online_required';

/** Offline unlock with the password; wrong too often and the device forgets everything. */
export const unlockDevice = async (
  db: TerenDb,
  password: string,
): Promise<{ result: UnlockResult; attemptsLeft: number; unsent?: number }> => {
  const keyring = await readMeta<Keyring>(db, KEYRING_KEY);
  if (!keyring) return { result: 'wiped', attemptsLeft: 0 };
  // Offline use without any server contact for longer than the operator allows needs an
  // online sign-in.
  const offlineDays =
    (await loadSessionUser(db))?.policy.offlineDays ?? DEFAULT_DEVICE_POLICY.offlineDays;
  const last = await readMeta<string>(db, LAST_CONTACT_KEY);
  if (last && Date.now() - Date.parse(last) > offlineDays * 86_400_000) {
    return { result: 'online_required', attemptsLeft: 0 };
  }
  const key = await unwrapKeyring(keyring, password);
  if (key) {
    vault.open(key);
    await writeMeta(db, FAILURES_KEY, 0);
    return { result: 'ok', attemptsLeft: MAX_FAILED_UNLOCKS };
  }
  const failures = ((await readMeta<number>(db, FAILURES_KEY)) ?? 0) + 1;
  if (failures >= MAX_FAILED_UNLOCKS) {
    // Told as a count, no content: the worker must know what did not reach the server.
    const unsent = await db.outbox.count();
    await destroyKeyring(db);
    return { result: 'wiped', attemptsLeft: 0, unsent };
  }
  await writeMeta(db, FAILURES_KEY, failures);
  return { result: 'wrong', attemptsLeft: MAX_FAILED_UNLOCKS - failures };
};

/** Forgets the key and everything sealed with it (logout, revocation, too many failures). */
export const destroyKeyring = async (db: TerenDb): Promise<void> => {
  vault.disable();
  // The keyring, the failure count and the last contact go with the database.
  await wipeLocalData(db);
};

export const noteServerContact = (db: TerenDb) =>
  writeMeta(db, LAST_CONTACT_KEY, new Date().toISOString());
