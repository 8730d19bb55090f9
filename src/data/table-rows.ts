import Dexie, { type ObservabilitySet } from 'dexie';
import { mutatedTables } from './mutated-tables';

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
 * The rows are shared between readers and frozen (shallowly): callers filter and decode
 * them, never change them. A sealed row's readable fields are plain values; a plain row
 * (no keyring: tests, signed out) is handed out as it is, nested objects included.
 */
const versions = new Map<string, number>();
const copies = new Map<string, { version: string; rows: readonly unknown[] }>();
/** Raised by an announcement that names no table: every copy is then out of date. */
let everything = 0;

const versionOf = (key: string) => `${everything}.${versions.get(key) ?? 0}`;

// A changed table's copy is dropped at once, so a wiped table's old rows are not kept; an
// announcement that names no table (after the back/forward cache) drops them all.
Dexie.on('storagemutated', (parts: ObservabilitySet) => {
  const tables = mutatedTables(parts);
  if (!tables) {
    everything += 1;
    copies.clear();
    return;
  }
  for (const { database, table } of tables) {
    const key = `${database}/${table}`;
    versions.set(key, (versions.get(key) ?? 0) + 1);
    copies.delete(key);
  }
});

/** Every row of the table, read from the database only if it changed since the last read. */
export const tableRows = async <T>(db: Dexie, table: string): Promise<readonly T[]> => {
  // Read, keep nothing: inside a transaction, whose own writes an abort would undo without
  // an announcement; and on a closed connection, as after the database was deleted (which
  // announces nothing until it is opened, and so created, again).
  if (Dexie.currentTransaction || !db.isOpen()) return db.table(table).toArray();
  // By name: connections to the same database (tests, a reopened app) share what they read.
  const key = `${db.name}/${table}`;
  const version = versionOf(key);
  const known = copies.get(key);
  if (known && known.version === version) return known.rows as readonly T[];
  const rows = await db.table(table).toArray();
  for (const row of rows) Object.freeze(row);
  // Not kept if a write was announced while it ran (it would only be read again).
  if (versionOf(key) === version) copies.set(key, { version, rows });
  return rows as T[];
};
