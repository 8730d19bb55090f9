import { householdIdOf, RECORD_SCHEMAS, type AnyRecord, type RecordType } from '../../src/core';
import type { Queryable } from '../db/database';

/** A stored record with its scope and per-field clock, as the sync code reads it. */
export type StoredRecord = {
  data: Record<string, unknown>;
  team_id: string;
  household_id: string;
  field_clock: Record<string, string>;
};

export const findRecord = async (tx: Queryable, id: string): Promise<StoredRecord | undefined> =>
  (
    await tx.query<StoredRecord>(
      'SELECT data, team_id, household_id, field_clock FROM records WHERE id = $1',
      [id],
    )
  )[0];

export type RecordWrite = {
  type: RecordType;
  record: AnyRecord;
  /** Per-field clock to keep with the record (see migration 007); unchanged when absent. */
  fieldClock?: Record<string, string>;
  /** Already parsed by its schema (the push route validates each record once). */
  validated?: boolean;
};

/**
 * Stores validated records and gives each a change number. Taking the numbers by updating
 * the single counter row locks it until this transaction commits, so change numbers become
 * visible in order and a pull cursor can never skip a committed change (sync.md).
 * Must run inside a transaction.
 */
export const storeRecords = async (
  tx: Queryable,
  teamId: string,
  writes: readonly RecordWrite[],
): Promise<number> => {
  if (writes.length === 0) return 0;
  const [counter] = await tx.query<{ value: number }>(
    'UPDATE change_counter SET value = value + $1 WHERE id = 1 RETURNING value',
    [writes.length],
  );
  const last = Number(counter?.value);
  let seq = last - writes.length;
  const ids: string[] = [];
  const types: string[] = [];
  const households: string[] = [];
  const data: string[] = [];
  const seqs: number[] = [];
  const deleted: boolean[] = [];
  const clocks: (string | null)[] = [];
  for (const w of writes) {
    const record = w.validated ? w.record : RECORD_SCHEMAS[w.type].parse(w.record);
    ids.push(record.id);
    types.push(w.type);
    households.push(householdIdOf(w.type, record));
    data.push(JSON.stringify(record));
    seqs.push(++seq);
    deleted.push(record.deleted);
    clocks.push(w.fieldClock ? JSON.stringify(w.fieldClock) : null);
  }
  await tx.query(
    `INSERT INTO records (id, type, household_id, team_id, data, seq, deleted, field_clock)
     SELECT u.id, u.type, u.household_id, $1, u.data::jsonb, u.seq, u.deleted, COALESCE(u.clock::jsonb, '{}'::jsonb)
       FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::bigint[], $7::boolean[], $8::text[])
         AS u(id, type, household_id, data, seq, deleted, clock)
     ON CONFLICT (id) DO UPDATE
        SET data = EXCLUDED.data, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted,
            household_id = EXCLUDED.household_id, updated_at = now(),
            field_clock = CASE WHEN EXCLUDED.field_clock = '{}'::jsonb THEN records.field_clock
                               ELSE EXCLUDED.field_clock END`,
    [teamId, ids, types, households, data, seqs, deleted, clocks],
  );
  return last;
};
