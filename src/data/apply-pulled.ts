import {
  RECORD_SCHEMAS,
  type Contact,
  type Plan,
  type PulledChange,
  type RecordType,
} from '../core';
import { updateDigests } from './digest';
import { encodeRecord } from './crypto/vault';
import { RECORD_TABLES, type TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

export const CURSOR_KEY = 'sync.cursor';
/** Where a first sync's recent part stands, and then what is left of its history (sync/pull.ts). */
export const RECENT_KEY = 'sync.recent';
export const HISTORY_KEY = 'sync.history';
export type PullPartState = { cursor: string; before: string; upTo?: string };

/** While a first sync still fetches older visits: the moment before which they are missing. */
export const olderVisitsMissingBefore = async (db: TerenDb): Promise<string | null> =>
  (await readMeta<PullPartState>(db, HISTORY_KEY))?.before ?? null;

export type ApplyResult = { applied: number; rejected: number };

/**
 * Stores one page of pulled records and the new cursor in one transaction, so the cursor
 * never runs ahead of what is on disk. Records the device cannot parse are counted and
 * skipped (a newer server may send what this app does not know yet), never half-stored.
 */
export const applyPulledPage = async (
  db: TerenDb,
  changes: readonly PulledChange[],
  cursor: string | null,
  /** Other progress kept with the page (`meta` keys; null removes one). */
  progress: Readonly<Record<string, unknown>> = {},
  /** Aborted (sign-out, revocation): the page is not stored, even if already sealed. */
  signal?: AbortSignal,
): Promise<ApplyResult> => {
  const byType = new Map<RecordType, unknown[]>();
  let rejected = 0;
  for (const change of changes) {
    const parsed = RECORD_SCHEMAS[change.type].safeParse(change.record);
    if (!parsed.success) {
      rejected++;
      continue;
    }
    const list = byType.get(change.type) ?? [];
    list.push(parsed.data);
    byType.set(change.type, list);
  }
  // Sealed before the transaction: a WebCrypto promise inside one would end it.
  const encoded = new Map<RecordType, Record<string, unknown>[]>();
  for (const [type, records] of byType) {
    encoded.set(
      type,
      await Promise.all(records.map((r) => encodeRecord(RECORD_TABLES[type], r as object))),
    );
  }
  const tables = Object.values(RECORD_TABLES).map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.digests, db.meta, db.outbox], async () => {
    signal?.throwIfAborted();
    // A record with a change still in the outbox keeps the local version: the server's
    // merge of that change comes back with a later cursor.
    const pending = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
    for (const [type, rows] of encoded) {
      await db.table(RECORD_TABLES[type]).bulkPut(rows.filter((r) => !pending.has(r.id as string)));
    }
    const kept = <T extends { id: string }>(list: unknown[] | undefined) =>
      ((list ?? []) as T[]).filter((r) => !pending.has(r.id));
    await updateDigests(db, {
      contacts: kept<Contact>(byType.get('contact')),
      plans: kept<Plan>(byType.get('plan')),
    });
    if (cursor !== null) await writeMeta(db, CURSOR_KEY, cursor);
    for (const [key, value] of Object.entries(progress))
      await (value === null ? db.meta.delete(key) : writeMeta(db, key, value));
  });
  return { applied: changes.length - rejected, rejected };
};
