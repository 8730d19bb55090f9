import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, LongText, recordBase, ShortText } from './common';

export const CONTACT_KINDS = [
  'home_visit',
  'office',
  'phone',
  'accompaniment',
  'outreach',
  'group',
  'failed_attempt',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const TOPICS = [
  'housing',
  'debt',
  'employment',
  'benefits',
  'family_health',
  'education',
  'crime_prevention',
  'energy',
] as const;
export const INTERVENTIONS = [
  'counselling',
  'accompaniment',
  'mediation',
  'crisis_intervention',
  'referral',
] as const;

/**
 * A contact or visit. Append-only: a correction is a new contact with `amends` pointing at
 * the original, which is kept. One visit may serve several people and enrolments of a
 * household; `minutes` is the worker's time, split across enrolments for the hours report.
 */
export const Contact = z.looseObject({
  ...recordBase,
  householdId: Id,
  enrolmentIds: z.array(Id).min(1),
  participantIds: z.array(Id).default([]),
  otherParticipants: z.array(ShortText).default([]),
  workerId: Id,
  at: IsoDateTime,
  minutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  kind: z.enum(CONTACT_KINDS),
  topics: z.array(z.enum(TOPICS)).default([]),
  interventions: z.array(z.enum(INTERVENTIONS)).default([]),
  note: LongText.default(''),
  nextStep: ShortText.default(''),
  nextDate: IsoDate.nullable().default(null),
  amends: Id.nullable().default(null),
});
export type Contact = z.infer<typeof Contact>;

/**
 * What the rules engine and the caseload need of a contact: no note, no people. The device
 * keeps these fields readable (not sealed), so due dates are computed without decrypting.
 */
export type ContactFacts = Pick<
  Contact,
  'id' | 'householdId' | 'enrolmentIds' | 'at' | 'kind' | 'amends' | 'deleted' | 'nextDate'
>;

/** A failed attempt (client not found) is logged but never satisfies a contact rule. */
export const isRealContact = (c: Pick<Contact, 'kind'>): boolean => c.kind !== 'failed_attempt';
