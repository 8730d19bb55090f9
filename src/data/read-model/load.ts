import type { TerenDb } from '../db';
import { CHANGES_TABLE, type ChangeEntry } from './change-log';
import type { HeldTable } from './held-tables';
import { TableIndex } from './table-index';

/** Log entries up to this one were removed: a reader that saw less reads its tables again. */
export const TRIMMED_KEY = 'changes.trimmed';

export type SnapshotEntry = { key: string; seq: number; from: string; value: string };

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

const readFromSnapshot = async (db: TerenDb, table: string, seq: number): Promise<Read | null> => {
  const snapshot = await db.snapshots.get(table);
  const trimmed = ((await db.meta.get(TRIMMED_KEY))?.value as number | undefined) ?? 0;
  if (!snapshot || snapshot.seq < trimmed || snapshot.seq > seq) return null;
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
    const seq = (await db.changes.toCollection().last())?.seq ?? 0;
    const fromSnapshot = decl.snapshot ? await readFromSnapshot(db, decl.table, seq) : null;
    return fromSnapshot ?? { seq, rows: await db.table(decl.table).toArray(), removed: [] };
  });

/** Holds the rows in the index; the decrypting ones (an older app's) one after another. */
export const holdAll = async <H>(
  index: TableIndex<H>,
  decl: HeldTable<H>,
  rows: readonly object[],
): Promise<void> => {
  for (const row of rows) {
    const held = decl.hold(row, index.from);
    index.set(idOf(row), held instanceof Promise ? await held : held);
  }
};

/** A table's index as the database holds it now. */
export const loadIndex = async <H>(db: TerenDb, decl: HeldTable<H>): Promise<TableIndex<H>> => {
  const read = await readStart(db, decl as HeldTable<unknown>);
  let from = decl.from?.(new Date()) ?? '';
  const { snapshot } = read;
  if (snapshot && decl.snapshot && snapshot.from > from) from = snapshot.from;
  const index = new TableIndex<H>(decl.householdOf, from, read.seq);
  if (snapshot && decl.snapshot) {
    // Held values look like readable rows: holding them again drops those now too old.
    const values = (JSON.parse(snapshot.value) as unknown[]).map(decl.snapshot.decode);
    await holdAll(index, decl, values as object[]);
  }
  await holdAll(index, decl, read.rows);
  for (const id of read.removed) index.set(id, null);
  return index;
};
