import { newId, type LoginResponse } from '../core';
import { b64 } from './crypto/keys';
import { decodeValue, encodeValue } from './crypto/vault';
import { eraseDatabase, settled, type TerenDb } from './db';
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

/**
 * Where the device id lives: outside the device database, so a wipe can delete that database
 * whole (the browser then removes its files) and the id still stays. It is no client data.
 * Older versions kept it in `meta`, read once from there.
 */
const DEVICE_ID_STORAGE = 'teren.deviceId';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const keptDeviceId = async (db: TerenDb): Promise<string | undefined> => {
  const kept = localStorage.getItem(DEVICE_ID_STORAGE) ?? (await readMeta<string>(db, DEVICE_KEY));
  return kept && UUID.test(kept) ? kept : undefined;
};

/** A device keeps one id for its whole life, so the server can revoke exactly this device. */
export const deviceId = async (db: TerenDb): Promise<string> => {
  const id = (await keptDeviceId(db)) ?? newId();
  localStorage.setItem(DEVICE_ID_STORAGE, id);
  return id;
};

const CHECK_KEY_STORAGE = 'teren.deviceCheckKey';
const CHECK_KEY = /^[A-Za-z0-9_-]{43}$/;

/**
 * The device's check key (`DeviceStatusRequest`): random, kept unsealed beside the device id,
 * since a locked device must use it; it only asks whether this device was revoked.
 */
export const deviceCheckKey = (): string => {
  const kept = localStorage.getItem(CHECK_KEY_STORAGE);
  if (kept && CHECK_KEY.test(kept)) return kept;
  const key = b64(crypto.getRandomValues(new Uint8Array(32)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  localStorage.setItem(CHECK_KEY_STORAGE, key);
  return key;
};

/** The device becomes a new one to the server (another user takes it over). */
export const forgetDevice = () => {
  localStorage.removeItem(DEVICE_ID_STORAGE);
  localStorage.removeItem(CHECK_KEY_STORAGE);
};

/** What a locked device asks the server with; null before its first sign-in. */
export const deviceCheck = async (db: TerenDb) => {
  const id = await keptDeviceId(db);
  const deviceKey = localStorage.getItem(CHECK_KEY_STORAGE);
  return id && deviceKey ? { deviceId: id, deviceKey } : null;
};

/**
 * Erases the device database, not only its rows: with its storage bucket (`eraseDatabase`),
 * so the browser removes its files and no salt, wrapped key or ciphertext stays in the
 * profile for an offline password guess (tests/e2e/wipe-disk.test.ts searches).
 * The device id stays (the server knows this device by it), except after a revocation, which
 * forgets it (App.tsx); the next use opens a new database.
 */
export const wipeLocalData = async (db: TerenDb): Promise<TerenDb> => {
  // Read first, so the id outlives the erase; a Clear-Site-Data answer may have taken the
  // database meanwhile, and a read of a database being taken must not hold the wipe up.
  await settled(deviceId(db));
  return eraseDatabase(db);
};
