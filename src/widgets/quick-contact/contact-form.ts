import { z } from 'zod';
import {
  Contact,
  CONTACT_KINDS,
  DEFAULT_MINUTES,
  INTERVENTIONS,
  newId,
  pragueDate,
  pragueTime,
  pragueToIso,
  TOPICS,
  type Contact as ContactRecord,
} from '../../core';

/** Other professionals who commonly take part, stored by code in `otherParticipants`. */
export const OTHER_PARTICIPANTS = [
  'labour_office',
  'energy_supplier',
  'police',
  'school',
  'landlord',
  'ospod',
] as const;

const checked = <T extends readonly [string, ...string[]]>(values: T) =>
  // A group of checkboxes gives an array, or false when the group has a single unchecked box.
  z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.enum(values)));

export const ContactFormSchema = z.object({
  date: z.iso.date(),
  time: z.iso.time({ precision: -1 }),
  minutes: Contact.shape.minutes,
  kind: z.enum(CONTACT_KINDS),
  enrolmentIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v ? [v] : []),
    Contact.shape.enrolmentIds,
  ),
  participantIds: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.uuid())),
  otherParticipants: checked(OTHER_PARTICIPANTS),
  topics: checked(TOPICS),
  interventions: checked(INTERVENTIONS),
  note: z.string().trim().max(20_000),
  nextStep: z.string().trim().max(200),
  nextDate: z.union([z.iso.date(), z.literal('')]),
});
export type ContactFormValues = z.input<typeof ContactFormSchema>;
export type ContactFormOutput = z.output<typeof ContactFormSchema>;

export const emptyContact = (
  now: Date,
  enrolmentIds: string[],
  participantIds: string[],
): ContactFormValues => ({
  date: pragueDate(now),
  time: pragueTime(now),
  minutes: DEFAULT_MINUTES.home_visit,
  kind: 'home_visit',
  enrolmentIds,
  participantIds,
  otherParticipants: [],
  topics: [],
  interventions: [],
  note: '',
  nextStep: '',
  nextDate: '',
});

export const contactToForm = (c: ContactRecord): ContactFormValues => ({
  date: pragueDate(c.at),
  time: pragueTime(c.at),
  minutes: c.minutes,
  kind: c.kind,
  enrolmentIds: c.enrolmentIds,
  participantIds: c.participantIds,
  otherParticipants: c.otherParticipants.filter((o): o is (typeof OTHER_PARTICIPANTS)[number] =>
    (OTHER_PARTICIPANTS as readonly string[]).includes(o),
  ),
  topics: c.topics,
  interventions: c.interventions,
  note: c.note,
  nextStep: c.nextStep,
  nextDate: c.nextDate ?? '',
});

type Base = { householdId: string; workerId: string; amends: ContactRecord | null; now: string };

/** A new contact, or a correction that supersedes `amends` and keeps it in history. */
export const contactFromForm = (
  v: ContactFormOutput,
  { householdId, workerId, amends, now }: Base,
): ContactRecord => ({
  ...(amends ?? {}),
  id: newId(),
  householdId,
  workerId: amends?.workerId ?? workerId,
  at: pragueToIso(v.date, v.time),
  minutes: v.minutes,
  kind: v.kind,
  enrolmentIds: v.enrolmentIds,
  participantIds: v.kind === 'failed_attempt' ? [] : v.participantIds,
  otherParticipants: v.otherParticipants,
  topics: v.topics,
  interventions: v.interventions,
  note: v.note,
  nextStep: v.nextStep,
  nextDate: v.nextDate || null,
  amends: amends?.id ?? null,
  createdAt: now,
  updatedAt: now,
  deleted: false,
});

/** The contact a tap in the quick sheet records: now, the usual duration, no typing. */
export const quickContact = (args: {
  householdId: string;
  enrolmentIds: string[];
  participantIds: string[];
  workerId: string;
  kind: ContactRecord['kind'];
  now: Date;
}): ContactRecord => ({
  id: newId(),
  householdId: args.householdId,
  enrolmentIds: args.enrolmentIds,
  participantIds: args.kind === 'failed_attempt' ? [] : args.participantIds,
  otherParticipants: [],
  workerId: args.workerId,
  at: args.now.toISOString(),
  minutes: DEFAULT_MINUTES[args.kind],
  kind: args.kind,
  topics: [],
  interventions: [],
  note: '',
  nextStep: '',
  nextDate: null,
  amends: null,
  createdAt: args.now.toISOString(),
  updatedAt: args.now.toISOString(),
  deleted: false,
});

/** A correction that only adds a note to a contact just logged. */
export const withNote = (c: ContactRecord, note: string, now: Date): ContactRecord => ({
  ...c,
  id: newId(),
  note,
  amends: c.id,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
});
