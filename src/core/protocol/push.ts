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

export const PushResult = z.object({
  mutationId: Id,
  status: z.enum(['applied', 'rejected']),
  code: z.enum(REJECT_CODES).optional(),
  /** Fields where another person's concurrent value lost; it is kept in the conflict log. */
  conflicts: z.array(z.string()).optional(),
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
