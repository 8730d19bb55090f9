import { z } from 'zod';
import { RECORD_TYPES, type RecordType } from '../records';

const recordTypeEnum = z.enum(RECORD_TYPES as [RecordType, ...RecordType[]]);

/**
 * A value that lost a concurrent edit (sync_conflicts), with the value the record holds now,
 * for a supervisor to keep or put back. Values are shown only to the team's supervisor.
 */
export const SyncConflict = z.object({
  id: z.string(),
  recordId: z.uuid(),
  recordType: recordTypeEnum,
  householdId: z.uuid(),
  field: z.string(),
  losing: z.unknown(),
  current: z.unknown(),
  /** Whose push met the conflict. */
  userId: z.uuid(),
  /** Who wrote the value that was overwritten, and who the one that stands (null: not known). */
  losingUserId: z.uuid().nullish(),
  winningUserId: z.uuid().nullish(),
  createdAt: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** An offline edit to a case its author had lost access to (sync_quarantine). */
export const QuarantinedEdit = z.object({
  id: z.string(),
  recordType: recordTypeEnum,
  householdId: z.uuid(),
  record: z.record(z.string(), z.unknown()),
  userId: z.uuid(),
  createdAt: z.string(),
  /** Set when its author handed over a refused change: why the server refused it. */
  reason: z.string().nullish(),
});
export type QuarantinedEdit = z.infer<typeof QuarantinedEdit>;

/**
 * `GET /api/supervision/issues`: a page of each list, oldest first. `conflictsAfter` and
 * `quarantineAfter` are the last ids of the page before, so a list is paged through however
 * many items are resolved meanwhile.
 */
export const MAX_ISSUES_PAGE = 200;
const IssueId = z.string().regex(/^\d{1,18}$/);
export const SyncIssuesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_ISSUES_PAGE).default(50),
  conflictsAfter: IssueId.optional(),
  quarantineAfter: IssueId.optional(),
});
export type SyncIssuesQuery = z.infer<typeof SyncIssuesQuery>;

export const SyncIssues = z.object({
  conflicts: z.array(SyncConflict),
  quarantine: z.array(QuarantinedEdit),
  /** How many are unresolved in all, beyond this page too (absent from older servers). */
  totals: z.object({ conflicts: z.number().int(), quarantine: z.number().int() }).optional(),
});
export type SyncIssues = z.infer<typeof SyncIssues>;

/** `keep`: the current value stays; `restore`: the losing value is put back. */
export const ResolveConflict = z.object({ action: z.enum(['keep', 'restore']) });
/** `discard`: the edit is dropped (it stays in the log); `apply`: it is applied now. */
export const ResolveQuarantine = z.object({ action: z.enum(['discard', 'apply']) });
