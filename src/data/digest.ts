import Dexie, { type Transaction } from 'dexie';
import type { Contact, ContactFacts, Plan, PlanFacts } from '../core';
import { decodeAll } from './crypto/vault';
import type { TerenDb } from './db';
import {
  advanceGeneration,
  nextGeneration,
  readGeneration,
  startGeneration,
} from './digest-generation';

/** Enough history for any rule's previous period and rolling window (see the engine). */
export const LOOKBACK_DAYS = 62 + 7 * 28;

/** Kept a little longer than any reader looks back, so a late day or a clock skew is covered. */
const DIGEST_DAYS = LOOKBACK_DAYS + 14;

/**
 * What the agenda and the caseload need of a household, kept beside its records at write
 * time (issue 8): the facts of its recent contacts and of its plan revisions. A screen reads
 * one small row per household instead of tens of thousands of sealed contacts and plans.
 *
 * Holds exactly the facts of the household's stored contacts dated on or after `from`, and
 * of all its stored plan revisions. A reader looking further back, or a row marked `partial`
 * (records sealed by an app older than readable facts), reads the records instead. Every
 * household with a stored contact or plan has a row.
 */
export type HouseholdDigest = {
  householdId: string;
  /** ISO instant: the digest holds every contact from then on. */
  from: string;
  /** Compact JSON of the facts: a string is far cheaper for IndexedDB to clone than objects. */
  contacts: string;
  plans: string;
  partial?: true;
  /** The write that last changed the row (digest-generation.ts); absent on rows built by schema 5. */
  gen?: number;
};

export const digestCutoff = (now: Date): string =>
  new Date(now.getTime() - DIGEST_DAYS * 86_400_000).toISOString();

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

// Tuples without the household (the row's key): half the JSON to parse of keyed objects.
export type ContactTuple = [
  string,
  string,
  string[],
  ContactFacts['kind'],
  string | null,
  0 | 1,
  string | null,
];
export type PlanTuple = [string, string, number, string, string | null, 0 | 1];

export const contactTuple = (c: ContactFacts): ContactTuple => [
  c.id,
  c.at,
  c.enrolmentIds,
  c.kind,
  c.amends,
  c.deleted ? 1 : 0,
  c.nextDate,
];
export const planTuple = (p: PlanFacts): PlanTuple => [
  p.id,
  p.enrolmentId,
  p.revision,
  p.createdAt,
  p.reviewDate,
  p.deleted ? 1 : 0,
];

export const contactsOfTuples = (householdId: string, tuples: ContactTuple[]): ContactFacts[] =>
  tuples.map(([id, at, enrolmentIds, kind, amends, deleted, nextDate]) => ({
    id,
    householdId,
    enrolmentIds,
    at,
    kind,
    amends,
    deleted: deleted === 1,
    nextDate,
  }));

export const plansOfTuples = (householdId: string, tuples: PlanTuple[]): PlanFacts[] =>
  tuples.map(([id, enrolmentId, revision, createdAt, reviewDate, deleted]) => ({
    id,
    householdId,
    enrolmentId,
    revision,
    createdAt,
    reviewDate,
    deleted: deleted === 1,
  }));

export const digestContacts = (d: HouseholdDigest): ContactFacts[] =>
  contactsOfTuples(d.householdId, JSON.parse(d.contacts) as ContactTuple[]);

export const digestPlans = (d: HouseholdDigest): PlanFacts[] =>
  plansOfTuples(d.householdId, JSON.parse(d.plans) as PlanTuple[]);

const byId = <T extends { id: string }>(list: readonly T[]) =>
  new Map(list.map((x) => [x.id, x] as const));

/** The digest row after these records of its household were stored. */
export const nextDigest = (
  householdId: string,
  previous: HouseholdDigest | undefined,
  stored: { contacts: readonly ContactFacts[]; plans: readonly PlanFacts[] },
  cutoff: string,
): HouseholdDigest => {
  const from = previous && previous.from > cutoff ? previous.from : cutoff;
  const contacts = byId(previous ? digestContacts(previous).filter((c) => c.at >= from) : []);
  for (const c of stored.contacts) {
    contacts.delete(c.id);
    if (c.at >= from) contacts.set(c.id, c);
  }
  const plans = byId(previous ? digestPlans(previous) : []);
  for (const p of stored.plans) plans.set(p.id, p);
  const row: HouseholdDigest = {
    householdId,
    from,
    contacts: JSON.stringify([...contacts.values()].map(contactTuple)),
    plans: JSON.stringify([...plans.values()].map(planTuple)),
  };
  if (previous?.partial) row.partial = true;
  return row;
};

const group = <T extends { householdId: string }>(list: readonly T[], into: Set<string>) => {
  const out = new Map<string, T[]>();
  for (const x of list) {
    into.add(x.householdId);
    const l = out.get(x.householdId);
    if (l) l.push(x);
    else out.set(x.householdId, [x]);
  }
  return out;
};

/**
 * Brings the digests of these records' households up to date. Runs inside the caller's
 * transaction, which must include `digests` and `meta`, right where the records are stored.
 */
export const updateDigests = async (
  db: TerenDb,
  stored: { contacts: readonly Contact[]; plans: readonly Plan[] },
  now = new Date(),
): Promise<void> => {
  const ids = new Set<string>();
  const contacts = group(stored.contacts, ids);
  const plans = group(stored.plans, ids);
  if (ids.size === 0) return;
  const list = [...ids];
  const [previous, current] = await Promise.all([db.digests.bulkGet(list), readGeneration(db)]);
  const cutoff = digestCutoff(now);
  const changed: HouseholdDigest[] = [];
  list.forEach((id, i) => {
    const before = previous[i];
    const row = nextDigest(
      id,
      before,
      {
        contacts: (contacts.get(id) ?? []).map(factsOf),
        plans: (plans.get(id) ?? []).map(planFactsOf),
      },
      cutoff,
    );
    // Contacts older than the digest reaches (a first sync's history) leave it as it was:
    // not written again, so readers holding it parsed keep what they made of it.
    if (
      !before ||
      before.from !== row.from ||
      before.contacts !== row.contacts ||
      before.plans !== row.plans
    )
      changed.push(row);
  });
  if (!changed.length) return;
  const { gen, written } = advanceGeneration(db, current);
  await Promise.all([written, db.digests.bulkPut(changed.map((row) => ({ ...row, gen })))]);
};

/** Whether a stored row keeps this field readable (an older app sealed more). */
export const readable = (row: object, field: string): boolean => field in row;

/**
 * Builds the digests from the records already on a device (the schema upgrade that
 * introduced them). Records sealed whole by an older app cannot be read here: their
 * household's digest is marked partial and its readers fall back to the records.
 */
export const buildDigests = async (tx: Transaction, now = new Date()): Promise<void> => {
  const cutoff = digestCutoff(now);
  type Draft = { contacts: ContactFacts[]; plans: PlanFacts[]; partial: boolean };
  const rows = new Map<string, Draft>();
  const row = (id: string): Draft => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { contacts: [], plans: [], partial: false }));
    return r;
  };
  const contacts = tx.table('contacts');
  for (const id of (await contacts.orderBy('householdId').uniqueKeys()) as string[]) row(id);
  for (const c of (await contacts.where('at').aboveOrEqual(cutoff).toArray()) as ContactFacts[]) {
    if (readable(c, 'enrolmentIds')) row(c.householdId).contacts.push(factsOf(c));
    else row(c.householdId).partial = true;
  }
  for (const p of (await tx.table('plans').toArray()) as PlanFacts[]) {
    if (readable(p, 'reviewDate')) row(p.householdId).plans.push(planFactsOf(p));
    else row(p.householdId).partial = true;
  }
  const gen = await startGeneration(tx);
  await tx.table('digests').bulkPut(
    [...rows].map(([householdId, r]) => ({
      ...nextDigest(householdId, undefined, r, cutoff),
      ...(r.partial ? { partial: true as const } : {}),
      gen,
    })),
  );
};

/**
 * Completes the digests an upgrade left partial, now that the vault is open: the sealed
 * records of each such household are decrypted once and its digest rebuilt. Best effort, a
 * household at a time; one whose records changed meanwhile waits for the next unlock.
 */
export const completeDigests = async (db: TerenDb): Promise<void> => {
  const partial = await db.digests.filter((d) => d.partial === true).toArray();
  for (const d of partial) {
    const read = () =>
      Promise.all([
        db.contacts
          .where('[householdId+at]')
          .between([d.householdId, d.from], [d.householdId, Dexie.maxKey])
          .toArray(),
        db.plans.where('householdId').equals(d.householdId).toArray(),
      ]);
    const [contacts, plans] = await read();
    // Decrypted outside the transaction: a WebCrypto promise inside one would end it.
    const facts = {
      contacts: (await decodeAll<Contact>(contacts)).map(factsOf),
      plans: (await decodeAll<Plan>(plans)).map(planFactsOf),
    };
    const seen = JSON.stringify([contacts, plans]);
    await db.transaction('rw', [db.contacts, db.plans, db.digests, db.meta], async () => {
      if (JSON.stringify(await read()) !== seen) return;
      const gen = await nextGeneration(db);
      await db.digests.put({ ...nextDigest(d.householdId, undefined, facts, d.from), gen });
    });
  }
};
