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

/**
 * What a start leaves out of a snapshot: values dated before `from` (the snapshot may be
 * older than the table's window) and the rows changed since it (read anew).
 */
export type SnapshotSkip = { from: string; changed: ReadonlySet<string> };

/**
 * Most of a household's contacts serve the same enrolments: one list for each set of them
 * (held values are never modified), not one per contact.
 */
const enrolmentLists = (enrolments: readonly string[]) => {
  const single: (string[] | undefined)[] = [];
  const lists = new Map<string, string[]>();
  return (places: readonly number[]): string[] => {
    if (places.length === 1) {
      const at = places[0] as number;
      return (single[at] ??= [enrolments[at] as string]);
    }
    const key = places.join();
    let list = lists.get(key);
    if (!list) lists.set(key, (list = places.map((i) => enrolments[i] as string)));
    return list;
  };
};

// Tuples are read by position in one pass, skipping as they go: a start decodes tens of
// thousands of them while the worker waits for the agenda.
export const contactsOfGroup = (
  householdId: string,
  group: unknown,
  skip: SnapshotSkip,
): ContactFacts[] => {
  const [enrolments, tuples] = group as ContactGroup;
  const listOf = enrolmentLists(enrolments);
  const out: ContactFacts[] = [];
  for (const t of tuples) {
    const at = t[1];
    if (at < skip.from || skip.changed.has(t[0])) continue;
    out.push({
      id: t[0],
      householdId,
      enrolmentIds: listOf(t[2]),
      at,
      kind: t[3],
      amends: t[4],
      deleted: t[5] === 1,
      nextDate: t[6],
    });
  }
  return out;
};

export const planGroup = (plans: readonly PlanFacts[]): PlanTuple[] =>
  plans.map((p) => [p.id, p.enrolmentId, p.revision, p.createdAt, p.reviewDate, p.deleted ? 1 : 0]);

/** Plan revisions are held whatever their date: only the changed ones are skipped. */
export const plansOfGroup = (
  householdId: string,
  group: unknown,
  skip: SnapshotSkip,
): PlanFacts[] => {
  const out: PlanFacts[] = [];
  for (const [id, enrolmentId, revision, createdAt, reviewDate, deleted] of group as PlanTuple[]) {
    if (skip.changed.has(id)) continue;
    out.push({
      id,
      householdId,
      enrolmentId,
      revision,
      createdAt,
      reviewDate,
      deleted: deleted === 1,
    });
  }
  return out;
};
