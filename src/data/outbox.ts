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

type Parsed = { type: RecordType; record: AnyRecord };

/**
 * The stored value a change is made to, sealed: the server merges from it. Contacts and plan
 * revisions are never rewritten, so their save reads nothing.
 */
const sealedBase = async (db: TerenDb, { type, record }: Parsed) => {
  if (APPEND_ONLY_TYPES.has(type)) return null;
  const stored = await db.table(RECORD_TABLES[type]).get(record.id);
  const plain = await decodeRecord<Record<string, unknown> | undefined>(stored);
  return (await encodeValue(plain ?? null)) as Record<string, unknown> | null;
};

/** The row to store and the outbox entry to send, sealed (before the transaction opens). */
const prepare = async (db: TerenDb, parsed: Parsed, clock: DeviceClock, now: string) => {
  const { type, record } = parsed;
  const table = RECORD_TABLES[type];
  // Independent sealings run side by side: a save is waited for with the form open.
  const [base, sealed, row] = await Promise.all([
    sealedBase(db, parsed),
    encodeValue(record),
    encodeRecord(table, record),
  ]);
  const entry: OutboxEntry = {
    mutationId: newId(),
    recordType: type,
    recordId: record.id,
    householdId: householdIdOf(type, record),
    record: sealed as Record<string, unknown>,
    base,
    hlc: clock.tick(),
    createdAt: now,
  };
  return { table, row, entry };
};

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
  const parsed = writes.map((w): Parsed => ({
    type: w.type,
    record: RECORD_SCHEMAS[w.type].parse(w.record) as AnyRecord,
  }));
  const now = new Date().toISOString();
  // Encryption runs before the transaction: a WebCrypto promise inside one would end it.
  const prepared = await Promise.all(parsed.map((p) => prepare(db, p, clock, now)));
  const tables = [...new Set(prepared.map((p) => p.table))].map((name) => db.table(name));
  // Requests are queued together rather than one after another's answer: the transaction
  // still applies them in order, and nothing here reads what another one writes.
  await db.transaction('rw', [...tables, db.table('meta'), db.outbox], () =>
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
