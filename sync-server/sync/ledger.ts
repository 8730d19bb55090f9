import { createHash } from 'node:crypto';
import { stableJson, type PushMutation, type PushResult } from '../../src/core';
import type { Queryable } from '../db/database';
import type { Fragment } from '../db/sql';

/**
 * The exactly-once ledger (migration 003): each device mutation with a hash of its payload
 * and the result sent back. A retry gets the stored result; the same id with another
 * payload is refused.
 */
export type LedgerEntry = { id: string; hash: string; result: PushResult };

/**
 * A mutation the server cannot store (see checkShape) is hashed by what it is, not by its
 * content: a value nested thousands deep would overflow the stack of the JSON writer.
 */
export const payloadHash = (m: PushMutation, storable = true): string =>
  createHash('sha256')
    .update(storable ? stableJson([m.type, m.record, m.base]) : `unstorable:${m.type}`)
    .digest('base64url');

/** The ledger rows of a push, written in the same statement as its records. */
export const ledgerInsert =
  (deviceId: string, entries: readonly LedgerEntry[]): Fragment =>
  (p) =>
    `INSERT INTO sync_ledger (device_id, mutation_id, payload_hash, result)
     SELECT ${p(deviceId)}::uuid, u.id, u.hash, u.result
       FROM jsonb_to_recordset(${p(JSON.stringify(entries))}::jsonb)
         AS u(id uuid, hash text, result jsonb)`;

/** Longer than the longest a device may work offline (90 days) before it must sign in again. */
export const DEFAULT_LEDGER_RETENTION_DAYS = 120;

/**
 * Removes ledger entries older than the retention window, so the ledger does not grow without
 * bound. A retry inside the window still gets its stored result; a mutation retried after it
 * would be applied again, which is why the window outlasts any device's time offline.
 * Returns how many were removed. Safe to run on every instance at once.
 */
export const pruneLedger = async (db: Queryable, retentionDays: number): Promise<number> => {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM sync_ledger WHERE created_at < now() - make_interval(days => $1::int)
       RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [retentionDays],
  );
  return Number(rows[0]?.n ?? 0);
};
