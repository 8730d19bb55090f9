import { open, openToText, seal } from './keys';

/**
 * Holds the data key while the app is unlocked, and encodes what goes to IndexedDB: the
 * fields an index or a cursor needs stay plain (ids, dates, status); everything else of a
 * record is sealed with AES-GCM. Without a keyring (tests, before the first sign-in) records
 * pass through as they are; with a keyring but no key in memory, the app is locked and
 * nothing sensitive can be read or written.
 */
export class VaultLockedError extends Error {
  constructor() {
    super('vault locked');
    this.name = 'VaultLockedError';
  }
}

type State = { mode: 'none' } | { mode: 'locked' } | { mode: 'open'; key: CryptoKey };
let state: State = { mode: 'none' };

/** Counts the key's changes: what was decrypted under an earlier key is forgotten (decoded.ts). */
let epoch = 0;
export const vaultEpoch = (): number => epoch;

export const vault = {
  open: (key: CryptoKey) => {
    epoch += 1;
    state = { mode: 'open', key };
  },
  lock: () => {
    epoch += 1;
    if (state.mode !== 'none') state = { mode: 'locked' };
  },
  /** No keyring on this device: nothing to encrypt with (tests and the signed-out app). */
  disable: () => {
    epoch += 1;
    state = { mode: 'none' };
  },
};

const keyOrPlain = (): CryptoKey | null => {
  if (state.mode === 'open') return state.key;
  if (state.mode === 'locked') throw new VaultLockedError();
  return null;
};

/** Fields kept readable per table: what Dexie indexes and what cursors read. */
export const PLAIN_FIELDS: Record<string, readonly string[]> = {
  households: ['id', 'teamId', 'createdAt', 'updatedAt', 'deleted'],
  people: ['id', 'householdId', 'createdAt', 'updatedAt', 'deleted'],
  enrolments: ['id', 'householdId', 'workerId', 'status', 'createdAt', 'updatedAt', 'deleted'],
  contacts: [
    'id',
    'householdId',
    // Ids only: the rules engine reads which enrolments a contact served without decrypting.
    'enrolmentIds',
    'at',
    'kind',
    'amends',
    'nextDate',
    'createdAt',
    'updatedAt',
    'deleted',
  ],
  plans: [
    'id',
    'householdId',
    'enrolmentId',
    'revision',
    // A date only: the agenda tells when a plan is due for review without decrypting it.
    'reviewDate',
    'createdAt',
    'updatedAt',
    'deleted',
  ],
  planReviews: [
    'id',
    'householdId',
    'enrolmentId',
    'planId',
    'authorId',
    'signedOff',
    'createdAt',
    'updatedAt',
    'deleted',
  ],
};

type Row = Record<string, unknown> & { enc?: string };

export const encodeRecord = async <T extends object>(table: string, record: T): Promise<Row> => {
  const key = keyOrPlain();
  if (!key) return record as Row;
  const plain = PLAIN_FIELDS[table] ?? ['id'];
  const kept: Row = {};
  const hidden: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) (plain.includes(k) ? kept : hidden)[k] = v;
  kept.enc = await seal(key, hidden);
  return kept;
};

export const decodeRecord = async <T>(row: unknown): Promise<T> => {
  const r = row as Row | undefined;
  if (!r || typeof r.enc !== 'string') return row as T;
  const key = keyOrPlain();
  if (!key) throw new VaultLockedError();
  const { enc, ...kept } = r;
  return { ...kept, ...(JSON.parse(await openToText(key, enc)) as Record<string, unknown>) } as T;
};

export const decodeAll = <T>(rows: readonly unknown[]): Promise<T[]> =>
  Promise.all(rows.map((r) => decodeRecord<T>(r)));

/** A whole value sealed (drafts, the outbox's records, the session token). */
export const encodeValue = async (value: unknown): Promise<unknown> => {
  const key = keyOrPlain();
  return key ? { enc: await seal(key, value) } : value;
};

export const decodeValue = async <T>(value: unknown): Promise<T> => {
  const v = value as { enc?: unknown } | null | undefined;
  if (!v || typeof v !== 'object' || typeof v.enc !== 'string' || Object.keys(v).length !== 1)
    return value as T;
  const key = keyOrPlain();
  if (!key) throw new VaultLockedError();
  return open<T>(key, v.enc);
};
