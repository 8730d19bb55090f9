import { isRecordType, newId, type RecordType, type ReplacedValue } from '../core';
import { decodeValue, encodeValue } from './crypto/vault';
import type { TerenDb } from './db';
import { readMeta, writeMeta } from './meta';

/**
 * What sync did to a worker's own changes that they must be told of, kept in
 * `meta` until they dismiss it:
 * - `replaced`: a value they entered lost to a colleague's later edit of the same field (the
 *   server keeps it in the conflict log for the supervisor); holds the lost value, sealed.
 * - `held`: a change they made to a case reassigned meanwhile waits for the supervisor; holds
 *   no client text, since the case may leave this device.
 * Keys carry the kind and, for `replaced`, the household, so removing a household that left
 * the scope removes its notices without decrypting anything.
 */
export type SyncNotice =
  | {
      kind: 'replaced';
      householdId: string;
      recordType: RecordType;
      recordId: string;
      field: string;
      mine: unknown;
      at: string;
    }
  | {
      kind: 'held';
      householdId: string;
      recordType: RecordType;
      /** When the held change was made (a contact: its date). */
      when: string;
      minutes?: number;
      at: string;
    };
export type StoredNotice = SyncNotice & { key: string };

const PREFIX = 'notice:';
const keyOf = (n: SyncNotice) =>
  n.kind === 'replaced'
    ? `${PREFIX}replaced:${n.householdId}:${newId()}`
    : `${PREFIX}held:${newId()}`;

/** Meta rows for these notices, sealed: to be put inside the transaction that caused them. */
export const noticeRows = async (notices: readonly SyncNotice[]) =>
  Promise.all(notices.map(async (n) => ({ key: keyOf(n), value: await encodeValue(n) })));

export const loadNotices = async (db: TerenDb): Promise<StoredNotice[]> => {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  const notices = await Promise.all(
    rows.map(async (r) => ({ ...(await decodeValue<SyncNotice>(r.value)), key: r.key })),
  );
  return notices.sort((a, b) => b.at.localeCompare(a.at));
};

export const dismissNotice = (db: TerenDb, key: string) => db.meta.delete(key);

/** Keys of the notices that name these households' client data (removed with them). */
export const householdNoticeKeys = (householdIds: readonly string[]) =>
  householdIds.map((id) => `${PREFIX}replaced:${id}:`);

/** The last replaced-value notice the server sent this device (`PullRequest.replacedAfter`). */
export const REPLACED_CURSOR_KEY = 'replaced.cursor';

export const replacedCursor = async (db: TerenDb): Promise<string> =>
  (await readMeta<string>(db, REPLACED_CURSOR_KEY)) ?? '0';

/**
 * Keeps the values of this worker's that a colleague's concurrent edit replaced after they
 * were accepted, with how far the server's list was read, in one transaction: a notice is
 * neither lost nor kept twice when the pull is cut off.
 */
export const saveReplaced = async (db: TerenDb, replaced: readonly ReplacedValue[]) => {
  const last = replaced.at(-1);
  if (!last) return;
  const rows = await noticeRows(
    replaced.flatMap(({ recordType, householdId, recordId, field, mine, at }): SyncNotice[] =>
      isRecordType(recordType)
        ? [{ kind: 'replaced', householdId, recordType, recordId, field, mine, at }]
        : [],
    ),
  );
  await db.transaction('rw', db.meta, async () => {
    await db.meta.bulkPut(rows);
    await writeMeta(db, REPLACED_CURSOR_KEY, last.id);
  });
};
