import Dexie, { type ObservabilitySet } from 'dexie';

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

/**
 * How often each table was announced as written to, in this tab or (through Dexie's
 * BroadcastChannel) another: a held table whose count is unchanged needs no reading.
 */
const counts = new Map<string, number>();
let everything = 0;

Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const tables = mutatedTables(parts);
  if (!tables) everything += 1;
  for (const { database, table } of tables ?? []) {
    const key = `${database}/${table}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
});

/** Changes whenever a write to the table is announced. */
export const announced = (database: string, table: string): string =>
  `${everything}.${counts.get(`${database}/${table}`) ?? 0}`;
