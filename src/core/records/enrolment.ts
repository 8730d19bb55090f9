import { z } from 'zod';
import { ProgrammeCode } from '../domain/programmes';
import { Id, IsoDate, recordBase, ShortText } from './common';

export const ENROLMENT_STATUSES = ['active', 'paused', 'closed'] as const;
export const CLOSE_REASONS = [
  'goals_met',
  'moved_out',
  'ended_cooperation',
  'lease_ended',
  'transferred',
  'other',
] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'public_task'] as const;

export const Lease = z.object({
  flat: ShortText,
  start: IsoDate,
  end: IsoDate.nullable(),
});

/** A household in one programme (zařazení do programu). */
export const Enrolment = z.looseObject({
  ...recordBase,
  householdId: Id,
  programme: ProgrammeCode,
  startDate: IsoDate,
  workerId: Id,
  targetGroup: ShortText.default(''),
  status: z.enum(ENROLMENT_STATUSES),
  closedOn: IsoDate.nullable().default(null),
  closeReason: z.enum(CLOSE_REASONS).nullable().default(null),
  lease: Lease.nullable().default(null),
  consent: z.object({
    given: z.boolean(),
    date: IsoDate.nullable(),
    legalBasis: z.enum(LEGAL_BASES),
  }),
});
export type Enrolment = z.infer<typeof Enrolment>;
