import Dexie from 'dexie';
import { SCHEMA_VERSIONS } from '../../../src/data/schema';

/** Opens a database exactly as an old app version defined it. */
export const openAtVersion = async (name: string, version: number): Promise<Dexie> => {
  const db = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    const dv = db.version(v.version).stores(v.stores);
    if (v.upgrade) dv.upgrade(v.upgrade);
  }
  await db.open();
  return db;
};
