import type { ContactFacts, PlanFacts } from '../../core';

/** Enough history for any rule's previous period and rolling window (see the engine). */
export const LOOKBACK_DAYS = 62 + 7 * 28;

/** Held a little longer than any reader looks back, so a late day or a clock skew is covered. */
const HELD_DAYS = LOOKBACK_DAYS + 14;

/**
 * The moment from which the read model holds every contact's facts; older visits (years of
 * them on a supervisor's device) are read from the database by the rare screen that needs
 * them. A first sync fetches the older ones last (src/sync/pull.ts).
 */
export const heldContactsFrom = (now: Date): string =>
  new Date(now.getTime() - HELD_DAYS * 86_400_000).toISOString();

/** Whether a stored row keeps this field readable (an older app sealed more). */
export const readable = (row: object, field: string): boolean => field in row;

/** Only what the rules and the caseload read, never a note or a name. */
export const factsOf = (c: ContactFacts): ContactFacts => ({
  id: c.id,
  householdId: c.householdId,
  enrolmentIds: c.enrolmentIds,
  at: c.at,
  kind: c.kind,
  amends: c.amends,
  deleted: c.deleted,
  nextDate: c.nextDate,
});

export const planFactsOf = (p: PlanFacts): PlanFacts => ({
  id: p.id,
  householdId: p.householdId,
  enrolmentId: p.enrolmentId,
  revision: p.revision,
  createdAt: p.createdAt,
  reviewDate: p.reviewDate,
  deleted: p.deleted,
});

// Snapshots keep facts as tuples: half the JSON to parse of keyed objects.
type ContactTuple = [
  string,
  string,
  string,
  string[],
  ContactFacts['kind'],
  string | null,
  0 | 1,
  string | null,
];
type PlanTuple = [string, string, string, number, string, string | null, 0 | 1];

export const contactTuple = (c: ContactFacts): ContactTuple => [
  c.id,
  c.householdId,
  c.at,
  c.enrolmentIds,
  c.kind,
  c.amends,
  c.deleted ? 1 : 0,
  c.nextDate,
];

export const contactOfTuple = (t: unknown): ContactFacts => {
  const [id, householdId, at, enrolmentIds, kind, amends, deleted, nextDate] = t as ContactTuple;
  return { id, householdId, at, enrolmentIds, kind, amends, deleted: deleted === 1, nextDate };
};

export const planTuple = (p: PlanFacts): PlanTuple => [
  p.id,
  p.householdId,
  p.enrolmentId,
  p.revision,
  p.createdAt,
  p.reviewDate,
  p.deleted ? 1 : 0,
];

export const planOfTuple = (t: unknown): PlanFacts => {
  const [id, householdId, enrolmentId, revision, createdAt, reviewDate, deleted] = t as PlanTuple;
  return { id, householdId, enrolmentId, revision, createdAt, reviewDate, deleted: deleted === 1 };
};
