import Dexie from 'dexie';
import type { TerenDb } from '../db';
import { announced } from './announcements';
import type { ChangeEntry, Committed } from './change-log';
import { HELD_TABLES, type HeldTable } from './held-tables';
import { holdAll, idsFor, loadIndex, readChanged, readTrimmed } from './load';
import { saveSnapshot } from './snapshot';
import type { TableIndex } from './table-index';

/**
 * The read model: what screens list and count, held in memory per table (held-tables.ts)
 * and kept current from the change log, which a Dexie middleware writes with every write to
 * a record table (change-log.ts). Before a held table is read, its announced writes (Dexie's
 * `storagemutated`, from this tab or another) are compared with those it has seen; if any
 * came, the log entries since are read and only the rows they name. docs/architecture.md
 * draws it.
 */
type Slot = {
  index: TableIndex<unknown>;
  announced: string;
  /** Rows changed since its snapshot (Infinity: none was read). */
  behind: number;
  saving: boolean;
  /** Cancels the snapshot waiting for the table to be quiet or the tab to be idle. */
  pending: (() => void) | undefined;
  /** Being read from the database: what commits meanwhile is read, not applied. */
  busy: boolean;
};

/**
 * A snapshot is written once this many rows changed since the last one, when the table has
 * had no write for a while: so a start reads at most about this many rows besides it, and a
 * sync, writing page after page, is not slowed by snapshots (it writes the due ones when it
 * ends, src/sync/sync-once.ts).
 */
export const SNAPSHOT_BEHIND = 200;
const SNAPSHOT_QUIET_MS = 2_000;

type CatchUp = { entries: ChangeEntry[]; rows: object[]; removed: string[] } | null;

const readCatchUp = (db: TerenDb, table: string, seen: number): Promise<CatchUp> =>
  db.transaction('r', [db.table(table), db.changes, db.meta], async () => {
    if (seen < (await readTrimmed(db))) return null;
    const entries = await db.changes.where('seq').above(seen).toArray();
    const ids = idsFor(entries, table);
    return ids ? { entries, ...(await readChanged(db, table, ids)) } : null;
  });

export class ReadModel {
  private readonly slots = new Map<string, Slot>();
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(private readonly db: TerenDb) {}

  /** The table's index, current as of every write announced before this call. */
  held<H>(decl: HeldTable<H>): Promise<TableIndex<H>> {
    // One reading of a table at a time, so what one applies is never applied twice.
    const run = (this.queue.get(decl.table) ?? Promise.resolve()).then(() => this.current(decl));
    this.queue.set(
      decl.table,
      run.catch(() => undefined),
    );
    return run as Promise<TableIndex<H>>;
  }

  /** The last log entry each loaded index has applied: older ones are no longer needed here. */
  seenByAll(): number {
    return Math.min(...[...this.slots.values()].map((s) => s.index.seen));
  }

  private async current<H>(decl: HeldTable<H>): Promise<TableIndex<H>> {
    const mark = announced(this.db.name, decl.table);
    const known = this.slots.get(decl.table);
    if (known?.announced === mark) return known.index as TableIndex<H>;
    let slot: Slot;
    let loaded = false;
    if (known) known.busy = true;
    if (known && (await this.catchUp(decl, known).finally(() => (known.busy = false)))) {
      slot = known;
      slot.announced = mark;
    } else {
      this.slots.delete(decl.table);
      const { index, behind } = await loadIndex(this.db, decl);
      slot = {
        index: index as TableIndex<unknown>,
        announced: mark,
        behind,
        saving: false,
        busy: false,
        pending: undefined,
      };
      this.slots.set(decl.table, slot);
      loaded = true;
    }
    this.scheduleSnapshot(decl, slot, loaded);
    return slot.index as TableIndex<H>;
  }

  /** Applies the log since the index's last entry; false when it must be read whole. */
  private async catchUp<H>(decl: HeldTable<H>, slot: Slot): Promise<boolean> {
    const index = slot.index as TableIndex<H>;
    const read = await readCatchUp(this.db, decl.table, index.seen);
    if (!read) return false;
    await holdAll(index, decl, read.rows);
    for (const id of read.removed) index.set(id, null);
    slot.behind += read.rows.length + read.removed.length;
    index.seen = read.entries.at(-1)?.seq ?? index.seen;
    return true;
  }

  /**
   * Follows what this connection committed: applied to the held tables directly when each
   * is exactly one entry behind and idle (otherwise read from the log when next needed).
   * A held table not loaded yet is loaded now, so a first sync fills the read model as it
   * goes, not when the first screen asks.
   */
  followCommitted(list: readonly Committed[]): void {
    for (const entry of list) {
      for (const decl of HELD_TABLES) {
        const slot = this.slots.get(decl.table);
        if (!slot) {
          if (decl.table === entry.table && !this.queue.has(decl.table))
            void this.held(decl).catch(() => undefined);
          continue;
        }
        if (slot.busy || slot.index.seen !== entry.seq - 1) continue;
        if (decl.table === entry.table && !applyDirectly(decl, slot, entry)) continue;
        slot.index.seen = entry.seq;
        this.scheduleSnapshot(decl, slot);
      }
    }
  }

  /**
   * After a start that read many rows (the table whole, or far past its snapshot) the
   * snapshot is written as soon as the tab is idle: the next start must not read them
   * again, however soon the app is closed. After writes, once they stop for a while.
   */
  private scheduleSnapshot<H>(decl: HeldTable<H>, slot: Slot, started = false): void {
    if (!snapshotDue(decl, slot)) return;
    slot.pending?.();
    slot.pending = later(started ? 0 : SNAPSHOT_QUIET_MS, () => {
      slot.pending = undefined;
      void this.snapshot(decl, slot);
    });
  }

  /** Best effort: without it the next start reads the rows. */
  private async snapshot<H>(decl: HeldTable<H>, slot: Slot): Promise<void> {
    slot.saving = true;
    const behind = slot.behind;
    try {
      if (await saveSnapshot(this.db, this, decl, slot.index as TableIndex<H>))
        // What changed while it was written is still behind it.
        slot.behind = Number.isFinite(behind) ? slot.behind - behind : 0;
    } catch {
      // Kept as it is; tried again when next due.
    } finally {
      slot.saving = false;
    }
  }

  /** Writes the snapshots that are due now (after a sync, so the next start finds them). */
  async snapshotsDue(): Promise<void> {
    for (const decl of HELD_TABLES) {
      const slot = this.slots.get(decl.table);
      if (!slot || !snapshotDue(decl, slot)) continue;
      slot.pending?.();
      slot.pending = undefined;
      await this.snapshot(decl, slot);
    }
  }

  /** Writes the snapshots of the loaded tables now (otherwise written when far behind). */
  async snapshotNow(decls: readonly HeldTable<unknown>[]): Promise<void> {
    for (const decl of decls) {
      const index = await this.held(decl);
      if (decl.snapshot) await saveSnapshot(this.db, this, decl, index);
    }
  }
}

/** Runs after this many ms, or (0) when the tab is next idle; answers how to cancel it. */
const later = (ms: number, run: () => void): (() => void) => {
  if (ms === 0 && typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 1_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

const snapshotDue = <H>(decl: HeldTable<H>, slot: Slot): boolean =>
  !!decl.snapshot && !slot.saving && slot.behind >= SNAPSHOT_BEHIND;

/** Applies a committed entry to its table's index; false if a row must be decrypted first. */
const applyDirectly = <H>(decl: HeldTable<H>, slot: Slot, entry: Committed): boolean => {
  if (!entry.rows) return false;
  const index = slot.index as TableIndex<H>;
  const held: [string, H | null][] = [];
  for (const row of entry.rows) {
    const value = decl.hold(row, index.from);
    if (value instanceof Promise) return false;
    held.push([(row as { id: string }).id, value]);
  }
  for (const [id, value] of held) index.set(id, value);
  for (const id of entry.removed) index.set(id, null);
  slot.behind += held.length + entry.removed.length;
  return true;
};

/** One model per open connection: a deleted and reopened database starts from nothing. */
const models = new WeakMap<object, ReadModel>();

/** The model of the connection now open. */
const modelOf = (db: TerenDb): ReadModel => {
  const connection = db.backendDB();
  let model = models.get(connection);
  if (!model) models.set(connection, (model = new ReadModel(db)));
  return model;
};

export const readModel = async (db: TerenDb): Promise<ReadModel> => {
  if (!db.isOpen()) await db.open();
  return modelOf(db);
};

/** Tells the connection's read model what it committed (the change log's middleware does). */
export const followCommitted = (db: TerenDb, list: readonly Committed[]): void => {
  if (db.isOpen()) modelOf(db).followCommitted(list);
};

/** Writes the read model's copies that are due, for the app's next start. */
export const saveDueSnapshots = async (db: TerenDb): Promise<void> => {
  const model = db.isOpen() ? models.get(db.backendDB()) : undefined;
  await model?.snapshotsDue();
};

/** The held table of the device database, current. */
export const heldTable = <H>(db: TerenDb, decl: HeldTable<H>): Promise<TableIndex<H>> => {
  // Checked before anything is awaited: Dexie knows its transaction only until then.
  if (Dexie.currentTransaction)
    return Promise.reject(
      new Error('the read model is read outside transactions: an abort would undo what it holds'),
    );
  return readModel(db).then((model) => model.held(decl));
};
