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
      await db.table(RECORD_TABLES[type]).put(record);
      await db.outbox.add({
        mutationId: newId(),
        recordType: type,
        recordId: record.id,
        record: record as Record<string, unknown>,
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

export const pendingCount = (db: TerenDb): Promise<number> => db.outbox.count();
