import Dexie from 'dexie';
import type { ContactFacts, PlanFacts } from '../../core';
import type { TerenDb } from '../db';
import { CONTACT_FACTS, PLAN_FACTS, type HeldTable } from '../read-model/held-tables';
import { heldTable } from '../read-model/read-model';

export type RecentFacts = { contacts: ContactFacts[]; plans: PlanFacts[] };

/**
 * One household's facts. The same object is given again while the household's held
 * contacts and plans and the moment are unchanged (readers may remember what they made of
 * it), so neither list is ever to be modified.
 */
export type HouseholdFacts = {
  contacts: readonly ContactFacts[];
  plans: readonly PlanFacts[];
};

type Made = { since: string; plans: readonly PlanFacts[]; facts: HouseholdFacts };
/** By the held contacts list, or the plans list for a household without contacts. */
const made = new WeakMap<readonly object[], Made>();

const factsFor = (
  contacts: readonly ContactFacts[],
  plans: readonly PlanFacts[],
  since: string,
): HouseholdFacts => {
  const key = contacts.length ? contacts : plans;
  const known = made.get(key);
  if (known && known.since === since && known.plans === plans) return known.facts;
  const recent: ContactFacts[] = [];
  for (const c of contacts) if (c.at >= since) recent.push(c);
  const facts = { contacts: recent, plans };
  made.set(key, { since, plans, facts });
  return facts;
};

/**
 * One household's facts read from its records, for a reader looking back further than the
 * read model holds contacts; records sealed whole by an older app are decrypted.
 */
const readRecords = async (db: TerenDb, householdId: string, since: string) => {
  const [contacts, plans] = await Promise.all([
    db.contacts
      .where('[householdId+at]')
      .between([householdId, since], [householdId, Dexie.maxKey])
      .toArray(),
    db.plans.where('householdId').equals(householdId).toArray(),
  ]);
  // As the read model holds them (these contacts start at `since` already).
  const held = async <H>(decl: HeldTable<H>, rows: readonly object[]): Promise<H[]> => {
    const out: H[] = [];
    for (const row of rows) {
      const value = (await decl.hold(row, since)) as H | null;
      if (value !== null) out.push(value);
    }
    return out;
  };
  return { contacts: await held(CONTACT_FACTS, contacts), plans: await held(PLAN_FACTS, plans) };
};

/**
 * The facts of contacts since a moment and of all plan revisions, by household, as the
 * rules engine needs them: from the read model, so nothing is decrypted and no record is
 * read unless the reader looks back further than it holds. All households of the device
 * when none are named; a household without contacts or plans is left out.
 */
export const recentFactsByHousehold = async (
  db: TerenDb,
  since: string,
  households?: ReadonlySet<string>,
): Promise<Map<string, HouseholdFacts>> => {
  const [contacts, plans] = await Promise.all([
    heldTable(db, CONTACT_FACTS),
    heldTable(db, PLAN_FACTS),
  ]);
  const out = new Map<string, HouseholdFacts>();
  if (contacts.from > since) {
    const withContacts = households ? [] : await db.contacts.orderBy('householdId').uniqueKeys();
    const all = households ?? new Set([...plans.householdIds(), ...withContacts.map(String)]);
    for (const h of all) {
      const facts = await readRecords(db, h, since);
      if (facts.contacts.length || facts.plans.length) out.set(h, facts);
    }
    return out;
  }
  const ids = households ?? new Set([...contacts.householdIds(), ...plans.householdIds()]);
  for (const h of ids) {
    const c = contacts.ofHousehold(h);
    const p = plans.ofHousehold(h);
    if (c.length || p.length) out.set(h, factsFor(c, p, since));
  }
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
