import { z } from 'zod';

/** A closed case past its retention date, listed for a manager to approve its anonymisation. */
export const RetentionCase = z.object({
  householdId: z.uuid(),
  label: z.string(),
  district: z.string(),
  programmes: z.array(z.string()),
  closedOn: z.iso.date(),
  retainUntil: z.iso.date(),
});
export type RetentionCase = z.infer<typeof RetentionCase>;

export const RetentionList = z.object({
  retentionYears: z.number().int(),
  cases: z.array(RetentionCase),
});
export type RetentionList = z.infer<typeof RetentionList>;

export const AnonymiseRequest = z.object({
  householdIds: z.array(z.uuid()).min(1).max(500),
});
export const AnonymiseResult = z.object({
  anonymised: z.array(z.uuid()),
  /** Listed but no longer due (reopened meanwhile, or already done): left as they are. */
  skipped: z.array(z.uuid()),
});
export type AnonymiseResult = z.infer<typeof AnonymiseResult>;

const Rows = z.array(z.record(z.string(), z.unknown()));

/** Everything held about one household, for a subject-access request (GDPR art. 15). */
export const SubjectExport = z.object({
  exportedAt: z.string(),
  household: z.record(z.string(), z.unknown()),
  people: Rows,
  enrolments: Rows,
  contacts: Rows,
  plans: Rows,
  planReviews: Rows,
  /** Who viewed, changed or exported these records, and when (never what they saw). */
  accessLog: z.array(
    z.object({ at: z.string(), action: z.string(), recordType: z.string().nullable() }),
  ),
});
export type SubjectExport = z.infer<typeof SubjectExport>;

/**
 * Data for evaluators: stable pseudonyms instead of ids, no names, addresses, phones, notes
 * or free text; ages as bands; dates as days.
 */
export const PseudonymisedExport = z.object({
  generatedAt: z.string(),
  people: z.array(
    z.object({
      person: z.string(),
      household: z.string(),
      ageBand: z.string(),
      relation: z.string(),
    }),
  ),
  enrolments: z.array(
    z.object({
      enrolment: z.string(),
      household: z.string(),
      programme: z.string(),
      district: z.string(),
      localityKind: z.string(),
      worker: z.string(),
      startDate: z.string(),
      status: z.string(),
      closedOn: z.string().nullable(),
      closeReason: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      household: z.string(),
      date: z.string(),
      kind: z.string(),
      minutes: z.number().int(),
      enrolments: z.array(z.string()),
      participants: z.array(z.string()),
      topics: z.array(z.string()),
      interventions: z.array(z.string()),
      worker: z.string(),
    }),
  ),
});
export type PseudonymisedExport = z.infer<typeof PseudonymisedExport>;
