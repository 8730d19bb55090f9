import Dexie from 'dexie';
import type { Contact, ContactFacts, Plan, PlanFacts } from '../../core';
import { decodeRecord } from '../crypto/vault';
import type { TerenDb } from '../db';
import { factsOf, planFactsOf } from '../digest';
import { parsedDigests, type ParsedDigest } from '../digest-cache';

export type RecentFacts = { contacts: ContactFacts[]; plans: PlanFacts[] };

/**
 * One household's facts. Taken from a digest, the same object is given again while the
 * digest and the moment are unchanged (readers may remember what they made of it), so
 * neither list is ever to be modified.
 */
export type HouseholdFacts = {
  contacts: readonly ContactFacts[];
  plans: readonly PlanFacts[];
};

/** The facts last taken from each parsed digest; a changed household gets a new digest. */
const factsOfDigest = new WeakMap<ParsedDigest, { since: string; facts: HouseholdFacts }>();

/**
 * One household's facts read from its records, decrypting those sealed by an older app
 * (before the facts were kept readable).
 */
const readRecords = async (
  db: TerenDb,
  householdId: string,
  since: string,
): Promise<RecentFacts> => {
  const [contacts, plans] = await Promise.all([
    db.contacts
      .where('[householdId+at]')
      .between([householdId, since], [householdId, Dexie.maxKey])
      .toArray(),
    db.plans.where('householdId').equals(householdId).toArray(),
  ]);
  return {
    contacts: (
      await Promise.all(contacts.map((r) => ('enrolmentIds' in r ? r : decodeRecord<Contact>(r))))
    ).map(factsOf),
    plans: (
      await Promise.all(plans.map((r) => ('reviewDate' in r ? r : decodeRecord<Plan>(r))))
    ).map(planFactsOf),
  };
};

/**
 * The facts of contacts since a moment and of all plan revisions, by household, as the
 * rules engine needs them: from the households' digests (one small row each, kept at write
 * time and held parsed in memory), so nothing is decrypted and no record is read, unless a
 * digest does not reach back far enough or could not be built. All households of the
 * device when none are named; a household without contacts or plans is left out.
 */
export const recentFactsByHousehold = async (
  db: TerenDb,
  since: string,
  households?: ReadonlySet<string>,
): Promise<Map<string, HouseholdFacts>> => {
  const digests = await parsedDigests(db);
  const out = new Map<string, HouseholdFacts>();
  const fallback: string[] = [];
  const take = (householdId: string, d: ParsedDigest | undefined) => {
    if (!d) return;
    if (d.partial || d.from > since) {
      fallback.push(householdId);
      return;
    }
    const held = factsOfDigest.get(d);
    if (held?.since === since) {
      out.set(householdId, held.facts);
      return;
    }
    const contacts: ContactFacts[] = [];
    for (const c of d.contacts) if (c.at >= since) contacts.push(c);
    const facts = { contacts, plans: d.plans };
    factsOfDigest.set(d, { since, facts });
    out.set(householdId, facts);
  };
  if (households) for (const h of households) take(h, digests.get(h));
  else for (const [h, d] of digests) take(h, d);
  for (const h of fallback) out.set(h, await readRecords(db, h, since));
  return out;
};

/** The same facts in two lists. */
export const recentFacts = async (
  db: TerenDb,
  since: string,
  households?: ReadonlySet<string>,
): Promise<RecentFacts> => {
  const out: RecentFacts = { contacts: [], plans: [] };
  for (const f of (await recentFactsByHousehold(db, since, households)).values()) {
    for (const c of f.contacts) out.contacts.push(c);
    for (const p of f.plans) out.plans.push(p);
  }
  return out;
};

export const contactFactsSince = async (
  db: TerenDb,
  since: string,
  households?: ReadonlySet<string>,
): Promise<ContactFacts[]> => (await recentFacts(db, since, households)).contacts;
