import type { TerenDb } from '../db';
import { CHANGES_TABLE, type ChangeEntry } from './change-log';
import type { HeldTable } from './held-tables';
import { TableIndex } from './table-index';

/** Log entries up to this one were removed: a reader that saw less reads its tables again. */
export const TRIMMED_KEY = 'changes.trimmed';

/** Where the log was trimmed up to (0: never), read in the caller's transaction. */
export const readTrimmed = async (db: TerenDb): Promise<number> =>
  ((await db.meta.get(TRIMMED_KEY))?.value as number | undefined) ?? 0;

/**
 * How snapshots are written (snapshot.ts); one of another format is passed by, and the
 * table read whole, so a changed format needs no schema version.
 */
export const SNAPSHOT_FORMAT = 2;

export type SnapshotEntry = {
  key: string;
  format?: number;
  seq: number;
  from: string;
  /** JSON: [householdId, what the table's `snapshot.encode` made of its values][] */
  value: string;
};

type Read = {
  seq: number;
  rows: readonly object[];
  /** Present when the rows are only those changed since this snapshot. */
  snapshot?: SnapshotEntry;
  removed: readonly string[];
};

const idOf = (row: object) => (row as { id: string }).id;

/** The ids the entries name for this table, or null when one cleared it. */
export const idsFor = (entries: readonly ChangeEntry[], table: string): Set<string> | null => {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.table !== table) continue;
    if (!e.ids) return null;
    for (const id of e.ids) ids.add(id);
  }
  return ids;
};

/** The changed rows by id (absent ones were deleted), read in the caller's transaction. */
export const readChanged = async (db: TerenDb, table: string, ids: ReadonlySet<string>) => {
  const list = [...ids];
  const rows = await db.table(table).bulkGet(list);
  return {
    rows: rows.filter((r): r is object => r !== undefined),
    removed: list.filter((_, i) => rows[i] === undefined),
  };
};

const readFromSnapshot = async (
  db: TerenDb,
  table: string,
  seq: number,
  trimmed: number,
): Promise<Read | null> => {
  const snapshot = await db.snapshots.get(table);
  if (!snapshot || snapshot.format !== SNAPSHOT_FORMAT) return null;
  if (snapshot.seq < trimmed || snapshot.seq > seq) return null;
  const entries = await db
    .table<ChangeEntry>(CHANGES_TABLE)
    .where('seq')
    .above(snapshot.seq)
    .toArray();
  const ids = idsFor(entries, table);
  if (!ids) return null;
  return { seq, snapshot, ...(await readChanged(db, table, ids)) };
};

/** Reads what a table's index starts from: its snapshot and the rows changed since, or all rows. */
const readStart = (db: TerenDb, decl: HeldTable<unknown>): Promise<Read> =>
  db.transaction('r', [db.table(decl.table), db.changes, db.snapshots, db.meta], async () => {
    const trimmed = await readTrimmed(db);
    // The log may be trimmed empty: the last entry written is then the one trimmed up to.
    const seq = (await db.changes.toCollection().last())?.seq ?? trimmed;
    const fromSnapshot = decl.snapshot
      ? await readFromSnapshot(db, decl.table, seq, trimmed)
      : null;
    return fromSnapshot ?? { seq, rows: await db.table(decl.table).toArray(), removed: [] };
  });

/** What the table holds of these rows; the decrypting ones (an older app's) one by one. */
const heldOf = async <H>(decl: HeldTable<H>, rows: readonly object[], from: string) => {
  const out: [string, H][] = [];
  for (const row of rows) {
    const value = decl.hold(row, from);
    const held = value instanceof Promise ? await value : value;
    if (held !== null) out.push([idOf(row), held]);
  }
  return out;
};

/** Holds the rows in the index (changed ones: each replaces what was held of its row). */
export const holdAll = async <H>(
  index: TableIndex<H>,
  decl: HeldTable<H>,
  rows: readonly object[],
): Promise<void> => {
  const held = new Map(await heldOf(decl, rows, index.from));
  for (const row of rows) index.set(idOf(row), held.get(idOf(row)) ?? null);
};

/**
 * The snapshot's values by household, those still in the table's window (it may be old),
 * without the rows changed since, and with what is held of those now: so the index is
 * filled once and never has to look a row up by its id while it starts.
 */
function* snapshotGroups<H>(
  decl: HeldTable<H>,
  entry: SnapshotEntry,
  from: string,
  changed: { ids: ReadonlySet<string>; held: readonly (readonly [string, H])[] },
): Generator<[string, H[]]> {
  const codec = decl.snapshot as NonNullable<HeldTable<H>['snapshot']>;
  const now = new Map<string, H[]>();
  for (const [, held] of changed.held) {
    const household = decl.householdOf(held);
    now.set(household, [...(now.get(household) ?? []), held]);
  }
  const skip = { from, changed: changed.ids };
  for (const [household, value] of JSON.parse(entry.value) as [string, unknown][]) {
    const held = codec.decode(household, value, skip);
    const fresh = now.get(household);
    if (fresh) {
      for (const h of fresh) held.push(h);
      now.delete(household);
    }
    if (held.length) yield [household, held];
  }
  yield* now;
}

/**
 * A table's index as the database holds it now, and how many of its rows changed since the
 * snapshot it started from (Infinity when it read them all).
 */
export const loadIndex = async <H>(
  db: TerenDb,
  decl: HeldTable<H>,
): Promise<{ index: TableIndex<H>; behind: number }> => {
  const read = await readStart(db, decl as HeldTable<unknown>);
  let from = decl.from?.(new Date()) ?? '';
  // Only a table with a snapshot codec is ever read from a snapshot (readStart).
  if (read.snapshot && read.snapshot.from > from) from = read.snapshot.from;
  const index = new TableIndex<H>(decl.householdOf, from, read.seq);
  const held = await heldOf(decl, read.rows, from);
  if (!read.snapshot) {
    index.fill(held);
    return { index, behind: Infinity };
  }
  const ids = new Set([...read.rows.map(idOf), ...read.removed]);
  index.fillGroups(snapshotGroups(decl, read.snapshot, from, { ids, held }), (h) =>
    idOf(h as object),
  );
  return { index, behind: read.rows.length + read.removed.length };
};
