import { isRecordType, RECORD_SCHEMAS, type PulledChange, type RecordType } from '../core';
import { clockRow, type DeviceClock } from './clock';
import { decodeValue, encodeRecord, encodeValue } from './crypto/vault';
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

/** The household a pulled change belongs to, read without knowing its type's schema. */
export const householdOfChange = (c: PulledChange): string =>
  String(c.type === 'household' ? c.record.id : (c.record.householdId ?? ''));

/** Splits a page into records this app can read, by type, and those it cannot. */
const sortPage = (changes: readonly PulledChange[]) => {
  const byType = new Map<RecordType, unknown[]>();
  const unreadable: PulledChange[] = [];
  for (const change of changes) {
    const parsed = isRecordType(change.type)
      ? RECORD_SCHEMAS[change.type].safeParse(change.record)
      : null;
    if (!parsed?.success || !isRecordType(change.type)) {
      unreadable.push(change);
      continue;
    }
    const list = byType.get(change.type) ?? [];
    list.push(parsed.data);
    byType.set(change.type, list);
  }
  return { byType, unreadable };
};

/**
 * Stores one page of pulled records and the new cursor in one transaction, so the cursor
 * never runs ahead of what is on disk. A record this app version cannot read (a value or a
 * type a newer one knows) is kept as received in `unread`, counted, and applied by
 * `reapplyUnread` once an update can read it (dropped, it would never come again: the
 * cursor has moved past it). A readable version of a record supersedes an unread one.
 */
export const applyPulledPage = async (
  db: TerenDb,
  changes: readonly PulledChange[],
  cursor: string | null,
  /** Other progress kept with the page (`meta` keys; null removes one). */
  progress: Readonly<Record<string, unknown>> = {},
  /** Aborted (sign-out, revocation): the page is not stored, even if already sealed. */
  signal?: AbortSignal,
  /**
   * The device clock, which learnt the server's time from this page: kept with it, as it
   * stands when the page is written (a change saved meanwhile may have moved it further).
   */
  clock?: DeviceClock,
): Promise<ApplyResult> => {
  const { byType, unreadable } = sortPage(changes);
  // Sealed before the transaction: a WebCrypto promise inside one would end it.
  const encoded = new Map<RecordType, Record<string, unknown>[]>();
  for (const [type, records] of byType) {
    encoded.set(
      type,
      await Promise.all(records.map((r) => encodeRecord(RECORD_TABLES[type], r as object))),
    );
  }
  const unread = await Promise.all(
    unreadable.map(async (c) => ({
      id: String(c.record.id),
      type: c.type,
      householdId: householdOfChange(c),
      change: await encodeValue(c),
    })),
  );
  const readIds = [...byType.values()].flat().map((r) => (r as { id: string }).id);
  const tables = Object.values(RECORD_TABLES).map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.meta, db.outbox, db.unread], async () => {
    signal?.throwIfAborted();
    // A record with a change still in the outbox keeps the local version: the server's
    // merge of that change comes back with a later cursor.
    const pending = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
    for (const [type, rows] of encoded) {
      await db.table(RECORD_TABLES[type]).bulkPut(rows.filter((r) => !pending.has(r.id as string)));
    }
    if (readIds.length) await db.unread.bulkDelete(readIds);
    if (unread.length) await db.unread.bulkPut(unread);
    if (cursor !== null) await writeMeta(db, CURSOR_KEY, cursor);
    if (clock) await db.meta.put(clockRow(clock));
    for (const [key, value] of Object.entries(progress))
      await (value === null ? db.meta.delete(key) : writeMeta(db, key, value));
  });
  return { applied: changes.length - unreadable.length, rejected: unreadable.length };
};

/** How many pulled records wait for an app version that can read them. */
export const unreadCount = (db: TerenDb): Promise<number> => db.unread.count();

/**
 * Applies the records kept unread that this app version can now read (after an update).
 * Runs before every sync; costs one count when there are none.
 */
export const reapplyUnread = async (db: TerenDb): Promise<number> => {
  if ((await db.unread.count()) === 0) return 0;
  const rows = await db.unread.toArray();
  const changes = await Promise.all(rows.map((r) => decodeValue<PulledChange>(r.change)));
  const { unreadable } = sortPage(changes);
  const readable = changes.filter((c) => !unreadable.includes(c));
  if (readable.length) await applyPulledPage(db, readable, null);
  return readable.length;
};
