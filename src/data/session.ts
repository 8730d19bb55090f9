import { newId, type LoginResponse } from '../core';
import { decodeValue, encodeValue } from './crypto/vault';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

const SESSION_KEY = 'session';
const DEVICE_KEY = 'deviceId';

export type StoredSession = LoginResponse;

/** Who is signed in, readable while the app is locked (to greet them on the unlock screen). */
export const loadSessionUser = async (
  db: TerenDb,
): Promise<Omit<StoredSession, 'token'> | undefined> => {
  const stored = await readMeta<StoredSession>(db, SESSION_KEY);
  if (!stored) return undefined;
  const { token: _token, ...rest } = stored;
  return rest;
};

/** The session with its token, which is sealed: only while the app is unlocked. */
export const loadSession = async (db: TerenDb): Promise<StoredSession | undefined> => {
  const stored = await readMeta<StoredSession & { token: unknown }>(db, SESSION_KEY);
  return stored ? { ...stored, token: await decodeValue<string>(stored.token) } : undefined;
};

export const saveSession = async (db: TerenDb, s: StoredSession) =>
  writeMeta(db, SESSION_KEY, { ...s, token: await encodeValue(s.token) });

/** A device keeps one id for its whole life, so the server can revoke exactly this device. */
export const deviceId = async (db: TerenDb): Promise<string> => {
  const existing = await readMeta<string>(db, DEVICE_KEY);
  if (existing) return existing;
  const id = newId();
  await writeMeta(db, DEVICE_KEY, id);
  return id;
};

/**
 * Erases the device database, not only its rows: deleting it makes the browser remove its
 * files, so no salt, wrapped key or ciphertext stays in the profile for an offline password
 * guess (issue 18; tests/e2e/wipe-disk.test.ts searches the files). Only the device id is
 * written back: a revoked device stays revoked.
 */
export const wipeLocalData = async (db: TerenDb): Promise<void> => {
  const id = await readMeta<string>(db, DEVICE_KEY);
  await db.delete();
  await db.open();
  if (id) await writeMeta(db, DEVICE_KEY, id);
};
