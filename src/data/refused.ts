import type { RecordType } from '../core';
import { decodeValue } from './crypto/vault';
import type { TerenDb } from './db';
import { readMeta } from './meta';

/**
 * Households whose records must be fetched again whole (a refused change of theirs went),
 * each with a count of such settlements: a pull clears one only if no other came meanwhile.
 */
export const REFETCH_KEY = 'sync.refetch';
export type Refetch = Record<string, number>;

export type RefusedChange = {
  seq: number;
  mutationId: string;
  recordType: RecordType;
  recordId: string;
  householdId: string;
  code: string;
  reason: string | null;
  record: Record<string, unknown>;
  /** As it was pushed: a hand-over sends both, and the server checks them against its ledger. */
  base: Record<string, unknown> | null;
  createdAt: string;
};

/** Changes the server refused, oldest first, decrypted for the worker to read. */
export const loadRefused = async (db: TerenDb): Promise<RefusedChange[]> => {
  const entries = await db.outbox.filter((e) => !!e.rejected).toArray();
  return Promise.all(
    entries.map(async (e) => {
      const record = await decodeValue<Record<string, unknown>>(e.record);
      const base = (await decodeValue<Record<string, unknown> | null>(e.base ?? null)) ?? null;
      return {
        seq: e.seq as number,
        mutationId: e.mutationId,
        recordType: e.recordType,
        recordId: e.recordId,
        householdId: e.householdId ?? String(record.householdId ?? record.id),
        code: e.rejected as string,
        reason: e.reason ?? null,
        record,
        base,
        createdAt: e.createdAt,
      };
    }),
  );
};

/**
 * The refused change leaves the outbox (discarded, or handed over to the supervisor). Its
 * record showed this device's version until now and the server's changes to it were passed
 * by: the household is fetched again whole at the next sync, and if it is no longer in this
 * device's scope, that sync removes it.
 */
export const settleRefused = async (db: TerenDb, seq: number): Promise<void> => {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entry = await db.outbox.get(seq);
    if (!entry?.rejected) return;
    await db.outbox.delete(seq);
    const refetch = (await readMeta<Refetch>(db, REFETCH_KEY)) ?? {};
    const id = entry.householdId;
    if (id)
      await db.meta.put({ key: REFETCH_KEY, value: { ...refetch, [id]: (refetch[id] ?? 0) + 1 } });
  });
};
