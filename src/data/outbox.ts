import { newId, RECORD_SCHEMAS, type AnyRecord, type RecordOf, type RecordType } from '../core';
import { RECORD_TABLES, type TerenDb } from './db';

export type RecordWrite = { [T in RecordType]: { type: T; record: RecordOf<T> } }[RecordType];

/**
 * Saves records and their outbox entries in one transaction: either all are on disk or
 * none (security.md fault 11). Records are validated by the shared schemas first, so what
 * waits in the outbox is what the server will accept.
 */
export const saveAllWithOutbox = async (
  db: TerenDb,
  writes: readonly RecordWrite[],
): Promise<AnyRecord[]> => {
  const parsed = writes.map((w) => ({
    type: w.type,
    record: RECORD_SCHEMAS[w.type].parse(w.record) as AnyRecord,
  }));
  const tables = [...new Set(parsed.map((w) => RECORD_TABLES[w.type]))].map((name) =>
    db.table(name),
  );
  const now = new Date().toISOString();
  await db.transaction('rw', [...tables, db.outbox], async () => {
    for (const { type, record } of parsed) {
      const table = db.table(RECORD_TABLES[type]);
      const base = ((await table.get(record.id)) as Record<string, unknown> | undefined) ?? null;
      await table.put(record);
      await db.outbox.add({
        mutationId: newId(),
        recordType: type,
        recordId: record.id,
        record: record as Record<string, unknown>,
        base,
        createdAt: now,
        attempts: 0,
      });
    }
  });
  return parsed.map((w) => w.record);
};

export const saveWithOutbox = async <T extends RecordType>(
  db: TerenDb,
  type: T,
  input: RecordOf<T>,
): Promise<RecordOf<T>> => {
  const [record] = await saveAllWithOutbox(db, [{ type, record: input } as RecordWrite]);
  return record as RecordOf<T>;
};

/** Changes still waiting for the server (refused ones are counted apart). */
export const pendingCount = async (db: TerenDb): Promise<number> =>
  db.outbox.filter((e) => !e.rejected).count();

export const rejectedCount = async (db: TerenDb): Promise<number> =>
  db.outbox.filter((e) => !!e.rejected).count();
