import {
  APPEND_ONLY_TYPES,
  householdIdOf,
  newId,
  RECORD_SCHEMAS,
  type AnyRecord,
  type RecordOf,
  type RecordType,
} from '../core';
import { decodeRecord, encodeRecord, encodeValue } from './crypto/vault';
import { clockRow, deviceClock, type DeviceClock } from './clock';
import { RECORD_TABLES, type OutboxEntry, type TerenDb } from './db';

export type RecordWrite = { [T in RecordType]: { type: T; record: RecordOf<T> } }[RecordType];

/**
 * Saves records and their outbox entries in one transaction: either all are on disk or
 * none (docs/security.md fault 11). Records are validated by the shared schemas first, so what
 * waits in the outbox is what the server will accept.
 */
export const saveAllWithOutbox = async (
  db: TerenDb,
  writes: readonly RecordWrite[],
  clock: DeviceClock = deviceClock,
): Promise<AnyRecord[]> => {
  const parsed = writes.map((w) => ({
    type: w.type,
    record: RECORD_SCHEMAS[w.type].parse(w.record) as AnyRecord,
  }));
  const now = new Date().toISOString();
  // Encryption runs before the transaction: a WebCrypto promise inside one would end it.
  const prepared = await Promise.all(
    parsed.map(async ({ type, record }) => {
      const table = RECORD_TABLES[type];
      // Independent sealings run side by side: a save is waited for with the form open.
      const [base, sealed, row] = await Promise.all([
        // The server merges from the base only records that are edited in place; contacts
        // and plan revisions are never rewritten, so their save reads nothing.
        APPEND_ONLY_TYPES.has(type)
          ? null
          : db
              .table(table)
              .get(record.id)
              .then((stored) => decodeRecord<Record<string, unknown> | undefined>(stored))
              .then((plain) => encodeValue(plain ?? null)),
        encodeValue(record),
        encodeRecord(table, record),
      ]);
      const entry: OutboxEntry = {
        mutationId: newId(),
        recordType: type,
        recordId: record.id,
        householdId: householdIdOf(type, record),
        record: sealed as Record<string, unknown>,
        base: base as Record<string, unknown> | null,
        hlc: clock.tick(),
        createdAt: now,
      };
      return { table, row, entry };
    }),
  );
  const tables = [...new Set(prepared.map((p) => p.table))].map((name) => db.table(name));
  tables.push(db.table('meta'));
  // Requests are queued together rather than one after another's answer: the transaction
  // still applies them in order, and nothing here reads what another one writes.
  await db.transaction('rw', [...tables, db.outbox], () =>
    Promise.all([
      ...prepared.flatMap(({ table, row, entry }) => [
        db.table(table).put(row),
        db.outbox.add(entry),
      ]),
      db.meta.put(clockRow(clock)),
    ]),
  );
  return parsed.map((w) => w.record);
};

export const saveWithOutbox = async <T extends RecordType>(
  db: TerenDb,
  type: T,
  input: RecordOf<T>,
  clock: DeviceClock = deviceClock,
): Promise<RecordOf<T>> => {
  const [record] = await saveAllWithOutbox(db, [{ type, record: input } as RecordWrite], clock);
  return record as RecordOf<T>;
};

/** Changes still waiting for the server (refused ones are counted apart). */
export const pendingCount = async (db: TerenDb): Promise<number> =>
  db.outbox.filter((e) => !e.rejected).count();

export const rejectedCount = async (db: TerenDb): Promise<number> =>
  db.outbox.filter((e) => !!e.rejected).count();
