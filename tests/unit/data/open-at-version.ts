import Dexie from 'dexie';
import { RELEASED_STORES } from './released-schemas';

/** Opens a database exactly as an old app version defined it (its stores; no data yet). */
export const openAtVersion = async (name: string, version: number): Promise<Dexie> => {
  const db = new Dexie(name);
  for (const v of RELEASED_STORES.filter((s) => s.version <= version))
    db.version(v.version).stores(v.stores);
  await db.open();
  return db;
};
