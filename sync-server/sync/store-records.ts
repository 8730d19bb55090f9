import { householdIdOf, RECORD_SCHEMAS, type AnyRecord, type RecordType } from '../../src/core';
import type { Queryable } from '../db/database';
import { compose, type Fragment } from '../db/sql';

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
 * Stores validated records and gives each a change number, in one statement together with
 * any other writes given (`with`: the push's audit and ledger rows). Taking the numbers by
 * updating the single counter row locks it until this transaction commits, so change
 * numbers become visible in order and a pull cursor can never skip a committed change
 * (sync.md). Must run inside a transaction. Returns the last change number given (0 when
 * there were no records).
 */
export const storeRecords = async (
  tx: Queryable,
  teamId: string,
  writes: readonly RecordWrite[],
  ...also: Fragment[]
): Promise<number> => {
  if (writes.length === 0 && also.length === 0) return 0;
  const ids: string[] = [];
  const types: string[] = [];
  const households: string[] = [];
  const data: string[] = [];
  const deleted: boolean[] = [];
  const clocks: (string | null)[] = [];
  for (const w of writes) {
    const record = w.validated ? w.record : RECORD_SCHEMAS[w.type].parse(w.record);
    ids.push(record.id);
    types.push(w.type);
    households.push(householdIdOf(w.type, record));
    data.push(JSON.stringify(record));
    deleted.push(record.deleted);
    clocks.push(w.fieldClock ? JSON.stringify(w.fieldClock) : null);
  }
  // Without records, the counter row is neither updated nor locked.
  const { sql, params } = compose((p) => {
    const n = p(writes.length);
    return `WITH counter AS (
        UPDATE change_counter SET value = value + ${n}::int WHERE id = 1 AND ${n}::int > 0
        RETURNING value
      ), written AS (
        INSERT INTO records (id, type, household_id, team_id, data, seq, deleted, field_clock)
        SELECT u.id, u.type, u.household_id, ${p(teamId)}::uuid, u.data::jsonb,
               (SELECT value FROM counter) - ${n}::int + u.n, u.deleted,
               COALESCE(u.clock::jsonb, '{}'::jsonb)
          FROM unnest(${p(ids)}::uuid[], ${p(types)}::text[], ${p(households)}::uuid[],
                      ${p(data)}::text[], ${p(deleted)}::boolean[], ${p(clocks)}::text[])
               WITH ORDINALITY AS u(id, type, household_id, data, deleted, clock, n)
        ON CONFLICT (id) DO UPDATE
           SET data = EXCLUDED.data, seq = EXCLUDED.seq, deleted = EXCLUDED.deleted,
               household_id = EXCLUDED.household_id, updated_at = now(),
               field_clock = CASE WHEN EXCLUDED.field_clock = '{}'::jsonb THEN records.field_clock
                                  ELSE EXCLUDED.field_clock END
        RETURNING 1
      )${also.map((f, i) => `, also${i} AS (${f(p)})`).join('')}
      SELECT (SELECT value FROM counter) AS value`;
  });
  const [row] = await tx.query<{ value: number | string | null }>(sql, params);
  return Number(row?.value ?? 0);
};
