import type { z } from 'zod';
import { Contact } from './contact';
import { Enrolment } from './enrolment';
import { Household } from './household';
import { Person } from './person';
import { Plan } from './plan';
import { PlanReview } from './plan-review';

/** Every record type that syncs, with the one schema the app, protocol and server share. */
export const RECORD_SCHEMAS = {
  household: Household,
  person: Person,
  enrolment: Enrolment,
  contact: Contact,
  plan: Plan,
  planReview: PlanReview,
} as const;
export type RecordType = keyof typeof RECORD_SCHEMAS;

/** Types never rewritten once stored: a correction or a new revision is a new record. */
export const APPEND_ONLY_TYPES: ReadonlySet<RecordType> = new Set([
  'contact',
  'plan',
  'planReview',
]);
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
export const isRecordType = (t: string): t is RecordType => Object.hasOwn(RECORD_SCHEMAS, t);
export type RecordOf<T extends RecordType> = z.infer<(typeof RECORD_SCHEMAS)[T]>;
export type AnyRecord = RecordOf<RecordType>;

/** The household a record belongs to: the unit of access scope. */
export const householdIdOf = (type: RecordType, r: AnyRecord): string =>
  type === 'household' ? r.id : (r as { householdId: string }).householdId;

export * from './common';
export * from './contact';
export * from './enrolment';
export * from './household';
export * from './person';
export * from './plan';
export * from './plan-review';
