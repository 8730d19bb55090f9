import type { TerenDb } from './db';

export const readMeta = async <T>(db: TerenDb, key: string): Promise<T | undefined> =>
  (await db.meta.get(key))?.value as T | undefined;

export const writeMeta = async (db: TerenDb, key: string, value: unknown): Promise<void> => {
  await db.meta.put({ key, value });
};
