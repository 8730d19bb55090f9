import { newId, RECORD_SCHEMAS, type RecordOf, type RecordType } from '../core';
import { RECORD_TABLES, type TerenDb } from './db';

/**
 * Saves a record and its outbox entry in one transaction: either both are on disk or
 * neither (security.md fault 11). The record is validated by the shared schema first,
 * so what waits in the outbox is what the server will accept.
 */
export const saveWithOutbox = async <T extends RecordType>(
  db: TerenDb,
  type: T,
  input: RecordOf<T>,
): Promise<RecordOf<T>> => {
  const record = RECORD_SCHEMAS[type].parse(input) as RecordOf<T>;
  const table = db.table(RECORD_TABLES[type]);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.put(record);
    await db.outbox.add({
      mutationId: newId(),
      recordType: type,
      recordId: record.id,
      record: record as Record<string, unknown>,
      createdAt: new Date().toISOString(),
      attempts: 0,
    });
  });
  return record;
};

export const pendingCount = (db: TerenDb): Promise<number> => db.outbox.count();
