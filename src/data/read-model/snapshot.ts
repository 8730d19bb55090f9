import type { TerenDb } from '../db';
import type { HeldTable } from './held-tables';
import { readTrimmed, SNAPSHOT_FORMAT, TRIMMED_KEY } from './load';
import type { ReadModel } from './read-model';
import type { TableIndex } from './table-index';

/**
 * Keeps what a table's index holds in one row, as of the log entry it has applied, so the
 * next start reads one value and the rows changed since instead of thousands of rows. The
 * log entries no index needs any longer are removed in the same transaction. Answers
 * whether it was written (not when its table was cleared meanwhile).
 */
export const saveSnapshot = async <H>(
  db: TerenDb,
  model: ReadModel,
  decl: HeldTable<H>,
  index: TableIndex<H>,
): Promise<boolean> => {
  const { snapshot } = decl;
  if (!snapshot) return false;
  // Taken in one synchronous step, so the values and the entry they stand at agree.
  const seq = index.seen;
  const households = [...index.householdIds()].map((h) => [
    h,
    snapshot.encode(index.ofHousehold(h)),
  ]);
  const value = JSON.stringify(households);
  return db.transaction('rw', [db.snapshots, db.changes, db.meta], async () => {
    const trimmed = await readTrimmed(db);
    if (seq < trimmed) return false;
    await db.snapshots.put({
      key: decl.table,
      format: SNAPSHOT_FORMAT,
      seq,
      from: index.from,
      value,
    });
    const kept = await db.snapshots.toArray();
    const needed = Math.min(model.seenByAll(), ...kept.map((s) => s.seq));
    if (needed > trimmed) {
      await db.changes.where('seq').belowOrEqual(needed).delete();
      await db.meta.put({ key: TRIMMED_KEY, value: needed });
    }
    return true;
  });
};
