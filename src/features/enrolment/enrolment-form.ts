import { z } from 'zod';
import {
  CLOSE_REASONS,
  Enrolment,
  enrolmentProblems,
  LEGAL_BASES,
  newId,
  type Enrolment as EnrolmentRecord,
  type ProgrammeInfo,
} from '../../core';

const dateOrEmpty = z.union([Enrolment.shape.startDate, z.literal('')]);

/** What a person types; `enrolmentFromForm` turns it into the shared record. */
export const EnrolmentFormSchema = z.object({
  programme: Enrolment.shape.programme,
  startDate: Enrolment.shape.startDate,
  workerId: Enrolment.shape.workerId,
  targetGroup: z.string().trim().max(200),
  status: Enrolment.shape.status,
  closedOn: dateOrEmpty,
  closeReason: z.union([z.enum(CLOSE_REASONS), z.literal('')]),
  leaseFlat: z.string().trim().max(200),
  leaseStart: dateOrEmpty,
  leaseEnd: dateOrEmpty,
  consentGiven: z.boolean(),
  consentDate: dateOrEmpty,
  legalBasis: z.enum(LEGAL_BASES),
});
export type EnrolmentFormValues = z.infer<typeof EnrolmentFormSchema>;

export const emptyEnrolment = (workerId: string, today: string): EnrolmentFormValues => ({
  programme: 'social_housing',
  startDate: today,
  workerId,
  targetGroup: '',
  status: 'active',
  closedOn: '',
  closeReason: '',
  leaseFlat: '',
  leaseStart: today,
  leaseEnd: '',
  consentGiven: true,
  consentDate: today,
  legalBasis: 'consent',
});

export const enrolmentToForm = (e: EnrolmentRecord): EnrolmentFormValues => ({
  programme: e.programme,
  startDate: e.startDate,
  workerId: e.workerId,
  targetGroup: e.targetGroup,
  status: e.status,
  closedOn: e.closedOn ?? '',
  closeReason: e.closeReason ?? '',
  leaseFlat: e.lease?.flat ?? '',
  leaseStart: e.lease?.start ?? e.startDate,
  leaseEnd: e.lease?.end ?? '',
  consentGiven: e.consent.given,
  consentDate: e.consent.date ?? '',
  legalBasis: e.consent.legalBasis,
});

type Base = { householdId: string; existing: EnrolmentRecord | null; now: string };
/** What the chosen programme is (src/widgets/programmes.ts). */
type Kind = Pick<ProgrammeInfo, 'housing' | 'leaseMaxMonths'>;

export const enrolmentFromForm = (
  v: EnrolmentFormValues,
  { householdId, existing, now }: Base,
  kind: Kind,
): EnrolmentRecord => {
  const fields = {
    programme: v.programme,
    startDate: v.startDate,
    workerId: v.workerId,
    targetGroup: v.targetGroup,
    status: v.status,
    closedOn: v.status === 'closed' ? v.closedOn || null : null,
    closeReason: v.status === 'closed' ? v.closeReason || null : null,
    lease: kind.housing
      ? { flat: v.leaseFlat, start: v.leaseStart || v.startDate, end: v.leaseEnd || null }
      : null,
    consent: { given: v.consentGiven, date: v.consentDate || null, legalBasis: v.legalBasis },
  };
  return existing
    ? { ...existing, ...fields, updatedAt: now }
    : { ...fields, id: newId(), householdId, createdAt: now, updatedAt: now, deleted: false };
};

/** Cross-field problems of the record the form would save, as form field paths. */
export const enrolmentFormProblems = (v: EnrolmentFormValues, kind: Kind) =>
  enrolmentProblems(
    enrolmentFromForm(v, { householdId: '', existing: null, now: '' }, kind),
    kind,
  ).map((p) => ({
    ...p,
    field: (
      {
        'lease.flat': 'leaseFlat',
        'lease.end': 'leaseEnd',
        closeReason: 'closeReason',
        'consent.date': 'consentDate',
      } as const
    )[p.path],
  }));
