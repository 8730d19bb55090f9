import type { ObservabilitySet } from 'dexie';

export type MutatedTable = { database: string; table: string };

/**
 * The tables a Dexie `storagemutated` announcement names: its parts read
 * "idb://<database>/<table>/<index>". Null when a part names none (Dexie's `all`, after the
 * page comes back from the back/forward cache): anything may have changed.
 */
export const mutatedTables = (parts: ObservabilitySet): MutatedTable[] | null => {
  const tables: MutatedTable[] = [];
  for (const part of Object.keys(parts)) {
    const [scheme, , database, table] = part.split('/');
    if (scheme !== 'idb:' || !database || !table) return null;
    tables.push({ database, table });
  }
  return tables;
};
