import Dexie, { type ObservabilitySet } from 'dexie';

/**
 * Whole tables as stored (sealed), kept in memory until something writes to them (issue 8).
 * The caseload reads the enrolments, households, people and sign-offs of a supervisor's
 * device (10,000 rows) after every write, and copying them out of IndexedDB was most of
 * its time; a saved contact touches none of those tables.
 *
 * Kept true by Dexie's `storagemutated` event, which fires after every committed write in
 * this tab and, through a BroadcastChannel, in other tabs: `useLive` re-runs its queries on
 * the same event, so a re-run never sees a table that changed as unchanged.
 *
 * The rows are shared between readers and frozen: callers filter and decode them, never
 * change them (a plain row, without a keyring, would otherwise be handed out as it is).
 */
const versions = new Map<string, number>();
const copies = new Map<string, { version: number; rows: readonly unknown[] }>();

// Parts are "idb://<database>/<table>/<index>"; a recreated database names every table.
// A changed table's copy is dropped at once, so a wiped table's old rows are not kept.
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  for (const part of Object.keys(parts)) {
    const [, , database, table] = part.split('/');
    if (database === undefined || table === undefined) continue;
    const key = `${database}/${table}`;
    versions.set(key, (versions.get(key) ?? 0) + 1);
    copies.delete(key);
  }
});

/** Every row of the table, read from the database only if it changed since the last read. */
export const tableRows = async <T>(db: Dexie, table: string): Promise<readonly T[]> => {
  // By name: connections to the same database (tests, a reopened app) share what they read.
  const key = `${db.name}/${table}`;
  const version = versions.get(key) ?? 0;
  const known = copies.get(key);
  if (known && known.version === version) return known.rows as readonly T[];
  const rows = await db.table(table).toArray();
  for (const row of rows) Object.freeze(row);
  // Unless a write was announced while it ran: then the next reader reads again.
  if ((versions.get(key) ?? 0) === version) copies.set(key, { version, rows });
  return rows as T[];
};
