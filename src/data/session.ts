import { newId, type LoginResponse } from '../core';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

const SESSION_KEY = 'session';
const DEVICE_KEY = 'deviceId';

export type StoredSession = LoginResponse;

export const loadSession = (db: TerenDb) => readMeta<StoredSession>(db, SESSION_KEY);
export const saveSession = (db: TerenDb, s: StoredSession) => writeMeta(db, SESSION_KEY, s);

/** A device keeps one id for its whole life, so the server can revoke exactly this device. */
export const deviceId = async (db: TerenDb): Promise<string> => {
  const existing = await readMeta<string>(db, DEVICE_KEY);
  if (existing) return existing;
  const id = newId();
  await writeMeta(db, DEVICE_KEY, id);
  return id;
};

/** Removes every record, the outbox, drafts and the session; the device id stays. */
export const wipeLocalData = async (db: TerenDb): Promise<void> => {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      if (table.name === 'meta') await table.where('key').notEqual(DEVICE_KEY).delete();
      else await table.clear();
    }
  });
};
