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

/**
 * Snapshots keep one household's facts together as tuples: the household's id is written
 * once, and a contact names its enrolments by their place in the household's list of them,
 * so the JSON a start reads and parses is less than half of keyed objects.
 */
type ContactTuple = [
  string,
  string,
  number[],
  ContactFacts['kind'],
  string | null,
  0 | 1,
  string | null,
];
type ContactGroup = [string[], ContactTuple[]];
type PlanTuple = [string, string, number, string, string | null, 0 | 1];

export const contactGroup = (contacts: readonly ContactFacts[]): ContactGroup => {
  const enrolments: string[] = [];
  const place = new Map<string, number>();
  const placeOf = (id: string) => {
    let at = place.get(id);
    if (at === undefined) place.set(id, (at = enrolments.push(id) - 1));
    return at;
  };
  const tuples = contacts.map((c): ContactTuple => [
    c.id,
    c.at,
    c.enrolmentIds.map(placeOf),
    c.kind,
    c.amends,
    c.deleted ? 1 : 0,
    c.nextDate,
  ]);
  return [enrolments, tuples];
};

export const contactsOfGroup = (householdId: string, group: unknown): ContactFacts[] => {
  const [enrolments, tuples] = group as ContactGroup;
  // Most of a household's contacts serve the same enrolments: one list for them all (held
  // values are never modified), not one per contact.
  const lists = new Map<string, string[]>();
  const listOf = (places: number[]) => {
    const key = places.join();
    let list = lists.get(key);
    if (!list) lists.set(key, (list = places.map((i) => enrolments[i] as string)));
    return list;
  };
  return tuples.map(([id, at, places, kind, amends, deleted, nextDate]) => ({
    id,
    householdId,
    enrolmentIds: listOf(places),
    at,
    kind,
    amends,
    deleted: deleted === 1,
    nextDate,
  }));
};

export const planGroup = (plans: readonly PlanFacts[]): PlanTuple[] =>
  plans.map((p) => [p.id, p.enrolmentId, p.revision, p.createdAt, p.reviewDate, p.deleted ? 1 : 0]);

export const plansOfGroup = (householdId: string, group: unknown): PlanFacts[] =>
  (group as PlanTuple[]).map(([id, enrolmentId, revision, createdAt, reviewDate, deleted]) => ({
    id,
    householdId,
    enrolmentId,
    revision,
    createdAt,
    reviewDate,
    deleted: deleted === 1,
  }));
