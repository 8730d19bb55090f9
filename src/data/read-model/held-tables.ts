import type { ContactFacts, Enrolment, Household, Person, PlanFacts, PlanReview } from '../../core';
import { decodeRecord } from '../crypto/vault';
import {
  contactGroup,
  contactsOfGroup,
  factsOf,
  heldContactsFrom,
  planFactsOf,
  planGroup,
  plansOfGroup,
  readable,
  type SnapshotSkip,
} from './facts';

/**
 * How the read model holds a table: what it keeps of a stored row (null: nothing), and
 * whether it keeps a copy of that in one row (`snapshots`) for the app's next start. A
 * record type the screens list or count gets an entry here; one only opened by id needs none.
 */
export type HeldTable<H> = {
  table: string;
  /** May decrypt: rows sealed whole by an older app do not show their facts. */
  hold: (row: object, from: string) => H | null | Promise<H | null>;
  householdOf: (held: H) => string;
  /** Where the held rows begin, for tables holding only recent ones ('' for all)... */
  from?: (now: Date) => string;
  /** ...by this date of each. */
  dated?: (held: H) => string;
  /** How a household's held values are written in the snapshot, and read back. */
  snapshot?: {
    encode: (held: readonly H[]) => unknown;
    /** Leaves out what `skip` names (a dated table by its date). */
    decode: (householdId: string, value: unknown, skip: SnapshotSkip) => H[];
  };
};

/** A sealed row as stored: its readable fields, and the rest decrypted on demand (decoded.ts). */
const sealedRows = <R extends { id: string; householdId: string }>(
  table: string,
): HeldTable<R> => ({
  table,
  hold: (row) => Object.freeze(row) as R,
  householdOf: (r) => r.householdId,
});

export const HOUSEHOLDS: HeldTable<Household> = {
  table: 'households',
  hold: (row) => Object.freeze(row) as Household,
  householdOf: (h) => h.id,
};
export const PEOPLE = sealedRows<Person>('people');
export const ENROLMENTS = sealedRows<Enrolment>('enrolments');
export const PLAN_REVIEWS = sealedRows<PlanReview>('planReviews');

/** The facts of recent contacts: what the rules engine and the caseload read, no text. */
export const CONTACT_FACTS: HeldTable<ContactFacts> = {
  table: 'contacts',
  hold: (row, from) => {
    const at = (row as { at?: string }).at;
    if (at !== undefined && at < from) return null;
    if (readable(row, 'enrolmentIds')) return factsOf(row as ContactFacts);
    return decodeRecord<ContactFacts>(row).then((c) => (c.at < from ? null : factsOf(c)));
  },
  householdOf: (c) => c.householdId,
  from: heldContactsFrom,
  dated: (c) => c.at,
  snapshot: { encode: contactGroup, decode: contactsOfGroup },
};

/** The facts of every plan revision: when each is due for review, no goal or text. */
export const PLAN_FACTS: HeldTable<PlanFacts> = {
  table: 'plans',
  hold: (row) =>
    readable(row, 'reviewDate')
      ? planFactsOf(row as PlanFacts)
      : decodeRecord<PlanFacts>(row).then(planFactsOf),
  householdOf: (p) => p.householdId,
  snapshot: { encode: planGroup, decode: plansOfGroup },
};

/**
 * Every held table: the read model follows writes to these from the first one on. Each
 * holds its own type; the model treats them alike.
 */
export const HELD_TABLES = [
  HOUSEHOLDS,
  PEOPLE,
  ENROLMENTS,
  PLAN_REVIEWS,
  CONTACT_FACTS,
  PLAN_FACTS,
] as unknown as readonly HeldTable<unknown>[];
