import { z } from 'zod';
import { Id } from '../records/common';
import { HLC_PATTERN } from '../sync/hlc';
import { RECORD_TYPES, type RecordType } from '../records';

const recordTypeEnum = z.enum(RECORD_TYPES as [RecordType, ...RecordType[]]);

/**
 * Largest batch a device sends; larger outboxes go in several pushes. A device also keeps a
 * batch under MAX_PUSH_BYTES of JSON, well below the server's body limit (2 MiB by default).
 */
export const MAX_PUSH_BATCH = 500;
export const MAX_PUSH_BYTES = 1_000_000;

/**
 * One change from a device's outbox. `base` is the record as the device had it before
 * the change (null for a new record): the server merges only the fields the device
 * changed, so a concurrent change to another field is never overwritten.
 */
export const PushMutation = z.object({
  mutationId: Id,
  type: recordTypeEnum,
  record: z.record(z.string(), z.unknown()),
  base: z.record(z.string(), z.unknown()).nullable(),
  /** When the change was made (hybrid logical clock); the server orders edits by it. */
  hlc: z.string().regex(HLC_PATTERN).optional(),
});
export type PushMutation = z.infer<typeof PushMutation>;

export const PushRequest = z.object({
  mutations: z.array(PushMutation).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * `quarantined`: the change touched a case the user no longer has access to; the server
 * kept it for a supervisor, so the device may let it go.
 */
export const REJECT_CODES = [
  'invalid',
  'forbidden',
  'immutable',
  'payload_mismatch',
  'quarantined',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/**
 * Why a mutation was refused, finer than its code (which older apps also understand). The
 * app shows each in Czech; an app that does not know a reason shows its code's text.
 */
export const REJECT_REASONS = [
  /** Not valid by the record's schema. */
  'schema',
  /** A NUL or a lone surrogate in a text or a key. */
  'invalid_text',
  /** Nested deeper than MAX_JSON_DEPTH. */
  'too_deep',
  /** Fields this version does not know, larger than MAX_UNKNOWN_FIELDS_BYTES together. */
  'unknown_fields_too_large',
  /** The user holds no team's caseload (a manager, an admin). */
  'no_caseload',
  /** Another team's household, or a record moved to another household or team. */
  'other_team',
  'ownership_change',
  /** Only a supervisor assigns a case; a comment is signed by its author, a sign-off by a supervisor. */
  'not_allowed',
  /** A contact in someone else's name. */
  'worker_mismatch',
  /** An enrolment, a person or a plan of another household named in the record. */
  'foreign_reference',
  /** Contacts, plan revisions and reviews are never rewritten. */
  'immutable',
  'payload_mismatch',
  /** The case left this user's caseload: kept for the supervisor. */
  'case_moved',
  /** A district (or another listed value) the server's city does not have. */
  'unknown_code',
  /** The case was anonymised after its retention period: it is read-only. */
  'anonymised',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const PushResult = z.object({
  mutationId: Id,
  status: z.enum(['applied', 'rejected']),
  code: z.enum(REJECT_CODES).optional(),
  /** One of REJECT_REASONS; a string, so an app meeting a newer server's reason still parses. */
  reason: z.string().max(64).optional(),
  /** Fields where another person's concurrent value lost; it is kept in the conflict log. */
  conflicts: z.array(z.string()).optional(),
  /** Of those, the fields where this change's own value lost (a later edit stands). */
  lost: z.array(z.string()).optional(),
});
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * Views and exports made on the device, offline too, uploaded at sync for the audit log.
 * Identifiers only: which record, when; never its content.
 */
export const AuditUpload = z.object({
  events: z
    .array(
      z.object({
        id: Id,
        action: z.enum(['view', 'export']),
        recordType: z.enum(RECORD_TYPES as [RecordType, ...RecordType[]]),
        recordId: Id,
        at: z.iso.datetime({ offset: true }),
      }),
    )
    .max(1000),
});
export type AuditUpload = z.infer<typeof AuditUpload>;

/**
 * `POST /api/sync/hand-over`: the author of a change the server refused hands it to the
 * team's supervisor instead of discarding it. Sent as it was pushed (the server checks it
 * against what its ledger recorded as refused) and kept as sent: it may not be valid.
 */
export const HandOverRequest = z.object({
  mutationId: Id,
  type: recordTypeEnum,
  record: z.record(z.string(), z.unknown()),
  base: z.record(z.string(), z.unknown()).nullable(),
});
export type HandOverRequest = z.infer<typeof HandOverRequest>;
