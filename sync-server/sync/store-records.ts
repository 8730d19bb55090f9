import { householdIdOf, RECORD_SCHEMAS, type AnyRecord, type RecordType } from '../../src/core';
import type { Queryable } from '../db/database';
import { compose, type Fragment } from '../db/sql';

/** A stored record with its scope and per-field clock, as the sync code reads it. */
export type StoredRecord = {
  type: RecordType;
  data: Record<string, unknown>;
  team_id: string;
  household_id: string;
  field_clock: Record<string, string>;
};

export const findRecord = async (tx: Queryable, id: string): Promise<StoredRecord | undefined> =>
  (
    await tx.query<StoredRecord>(
      'SELECT type, data, team_id, household_id, field_clock FROM records WHERE id = $1',
      [id],
    )
  )[0];

/**
 * Serialises the transactions that read and then write the same records or households
 * (on PostgreSQL at READ COMMITTED two pushes read a household, merged on their
 * copies, and the one that committed last silently undid the other's edit). Takes an
 * advisory lock, held until commit, per key: record ids, household ids, and anything else
 * that must be done one at a time (a device's push, so a retry overlapping its original
 * waits for it and then finds its stored result). Advisory locks cover ids not stored yet,
 * which row locks cannot. Keys are taken in one order, so two transactions never wait on
 * each other in a cycle; a transaction takes them all at once, before it reads anything.
 * On PGlite, with one connection, transactions already run one at a time.
 */
export const lockKeys = async (tx: Queryable, keys: Iterable<string>): Promise<void> => {
  const list = [...new Set(keys)];
  if (list.length === 0) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(k)) FROM (
       SELECT DISTINCT hashtextextended(x, 17) AS k FROM unnest($1::text[]) x ORDER BY k) s`,
    [list],
  );
};

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
 * (docs/sync-protocol.md, "Pull"). Must run inside a transaction. Returns the last change number given (0 when
 * there were no records).
 */
export const storeRecords = async (
  tx: Queryable,
  teamId: string,
  writes: readonly RecordWrite[],
  ...also: Fragment[]
): Promise<number> => {
  if (writes.length === 0 && also.length === 0) return 0;
  // One JSON document for all rows: encoded once, parsed once by the database (arrays of
  // JSON strings cost an escaping pass per character in the driver).
  const rows = JSON.stringify(
    writes.map((w, i) => {
      const record = w.validated ? w.record : RECORD_SCHEMAS[w.type].parse(w.record);
      return {
        n: i + 1,
        id: record.id,
        type: w.type,
        household_id: householdIdOf(w.type, record),
        data: record,
        deleted: record.deleted,
        clock: w.fieldClock,
      };
    }),
  );
  // Without records, the counter row is neither updated nor locked.
  const { sql, params } = compose((p) => {
    const n = p(writes.length);
    return `WITH counter AS (
        UPDATE change_counter SET value = value + ${n}::int WHERE id = 1 AND ${n}::int > 0
        RETURNING value
      ), written AS (
        INSERT INTO records (id, type, household_id, team_id, data, seq, deleted, field_clock)
        SELECT u.id, u.type, u.household_id, ${p(teamId)}::uuid, u.data,
               (SELECT value FROM counter) - ${n}::int + u.n, u.deleted,
               COALESCE(u.clock, '{}'::jsonb)
          FROM jsonb_to_recordset(${p(rows)}::jsonb)
            AS u(n int, id uuid, type text, household_id uuid, data jsonb, deleted boolean, clock jsonb)
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
