import { z } from 'zod';
import { IsoDateTime } from '../records/common';

const INT8_MAX = '9223372036854775807';
const fitsInt8 = (digits: string): boolean => {
  const n = digits.replace(/^0+(?=\d)/, '');
  return n.length < INT8_MAX.length || (n.length === INT8_MAX.length && n <= INT8_MAX);
};

/**
 * The cursor is opaque to the device: a server-assigned, commit-ordered change number.
 * "0" means "from the beginning". Change numbers are PostgreSQL bigints: a larger one is
 * refused as a bad request, not left for the database to fail on.
 */
export const Cursor = z
  .string()
  .regex(/^\d{1,20}$/)
  .refine(fitsInt8, { message: 'out_of_range' });

/**
 * A first sync comes in two parts, so the caseload is usable before years of visits are on
 * the device: `recent` is everything but the contacts dated before `before`; `history` is
 * only those, and only changes up to `upTo` (where `recent` ended: later changes come with
 * the ordinary pull from there). Together they hold every change up to `upTo` once.
 */
export const PULL_PARTS = ['recent', 'history'] as const;
export type PullPart = (typeof PULL_PARTS)[number];

export const PullRequest = z
  .object({
    cursor: Cursor.default('0'),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    part: z.enum(PULL_PARTS).optional(),
    before: IsoDateTime.optional(),
    upTo: Cursor.optional(),
    /**
     * The last replaced-value notice this device has (`replaced[].id`): sent by devices that
     * want them; the last page of an ordinary pull then brings the newer ones.
     */
    replacedAfter: Cursor.optional(),
  })
  .refine((r) => !r.part || r.before, { message: 'A part needs `before`', path: ['before'] })
  .refine((r) => r.part !== 'history' || r.upTo, {
    message: 'The history needs `upTo`',
    path: ['upTo'],
  });
export type PullRequest = z.infer<typeof PullRequest>;
export type PullOptions = Partial<Pick<PullRequest, 'part' | 'before' | 'upTo' | 'replacedAfter'>>;

export const PulledChange = z.object({
  /**
   * A record type; a string, so one from a newer server does not fail the whole page: the
   * device keeps what it cannot read until an update can (src/data/apply-pulled.ts).
   */
  type: z.string().max(64),
  /** Validated by the record schema on the device before it is stored. */
  record: z.record(z.string(), z.unknown()),
});
export type PulledChange = z.infer<typeof PulledChange>;

/** Most notices one pull brings; the rest come with the next one. */
export const MAX_REPLACED_PER_PULL = 100;

/**
 * A value this device had got accepted that a colleague's concurrent edit replaced since (the
 * colleague had not seen it). The value is the device's own; the server keeps it in the
 * conflict log for the supervisor too.
 */
export const ReplacedValue = z.object({
  id: Cursor,
  recordType: z.string().max(64),
  recordId: z.uuid(),
  householdId: z.uuid(),
  field: z.string().max(200),
  mine: z.unknown(),
  at: IsoDateTime,
});
export type ReplacedValue = z.infer<typeof ReplacedValue>;

export const PullResponse = z.object({
  cursor: Cursor,
  hasMore: z.boolean(),
  changes: z.array(PulledChange),
  /**
   * On the last page: every household the user may hold now. The device removes the others
   * and fetches households that entered its scope (their older changes are behind its cursor).
   */
  scope: z.array(z.uuid()).optional(),
  /** The server's clock, so a device whose clock lags moves its hybrid clock forward. */
  serverTime: z.number().int().optional(),
  /** On the last page: a fingerprint of the contact rules, so a device fetches them only when they change. */
  rulesVersion: z.string().optional(),
  /** On the last page, when asked for (`replacedAfter`): this device's replaced values, oldest first. */
  replaced: z.array(ReplacedValue).optional(),
  /** The part this page belongs to; absent from an ordinary pull and from older servers. */
  part: z.enum(PULL_PARTS).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const MAX_CATCH_UP = 500;

/** `POST /api/sync/households`: every current record of households that entered scope. */
export const CatchUpRequest = z.object({ ids: z.array(z.uuid()).min(1).max(MAX_CATCH_UP) });
export const CatchUpResponse = z.object({ changes: z.array(PulledChange) });
export type CatchUpResponse = z.infer<typeof CatchUpResponse>;
