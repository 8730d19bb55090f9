import Dexie from 'dexie';
import {
  effectiveContacts,
  evaluateEnrolment,
  groupBy,
  pragueDate,
  RELATIONS,
  ruleFor,
  type Contact,
  type Enrolment,
  type EnrolmentEvaluation,
  type Household,
  type Person,
  type Plan,
  type RuleSet,
} from '../../core';
import { olderVisitsMissingBefore } from '../apply-pulled';
import { decodeAll, decodeRecord } from '../crypto/vault';
import type { TerenDb } from '../db';
import { loadRules } from '../rules';

/** A household's contacts, newest first, by the index (readable fields only). */
export const newestContacts = (db: TerenDb, householdId: string) =>
  db.contacts
    .where('[householdId+at]')
    .between([householdId, Dexie.minKey], [householdId, Dexie.maxKey])
    .reverse();

export type HouseholdDetail = {
  household: Household;
  people: Person[];
  enrolments: Enrolment[];
  /** Latest version of each visit, newest first; corrected originals are left out. */
  contacts: Contact[];
  /** Every contact version, for the history of a corrected visit. */
  allContacts: Contact[];
  plans: Plan[];
  /** Where each enrolment stands today against its programme's rule, by enrolment id. */
  evaluations: Map<string, EnrolmentEvaluation>;
  /** A first sync is still fetching the visits before this moment (null: all are here). */
  olderVisitsMissingBefore: string | null;
};

/** Each enrolment against its rule today, with every contact of the household on the device. */
const evaluateHousehold = (
  enrolments: readonly Enrolment[],
  contacts: readonly Contact[],
  plans: readonly Plan[],
  rules: RuleSet,
): Map<string, EnrolmentEvaluation> => {
  const today = pragueDate(new Date());
  const byEnrolment = groupBy(plans, (p) => p.enrolmentId);
  return new Map(
    enrolments.map((e) => [
      e.id,
      evaluateEnrolment(
        e,
        contacts,
        byEnrolment.get(e.id) ?? [],
        ruleFor(rules, e.programme),
        today,
      ),
    ]),
  );
};

export const loadHousehold = async (db: TerenDb, id: string): Promise<HouseholdDetail | null> => {
  const household = await decodeRecord<Household | undefined>(await db.households.get(id));
  if (!household || household.deleted) return null;
  const [people, enrolments, contacts, plans, missingBefore, rules] = await Promise.all([
    db.people
      .where('householdId')
      .equals(id)
      .toArray()
      .then((r) => decodeAll<Person>(r)),
    db.enrolments
      .where('householdId')
      .equals(id)
      .toArray()
      .then((r) => decodeAll<Enrolment>(r)),
    newestContacts(db, id)
      .toArray()
      .then((r) => decodeAll<Contact>(r)),
    db.plans
      .where('householdId')
      .equals(id)
      .toArray()
      .then((r) => decodeAll<Plan>(r)),
    olderVisitsMissingBefore(db),
    loadRules(db),
  ]);
  const live = enrolments.filter((e) => !e.deleted);
  return {
    household,
    people: people
      .filter((p) => !p.deleted)
      .sort((a, b) => RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation)),
    enrolments: live,
    contacts: effectiveContacts(contacts),
    allContacts: contacts,
    plans: plans.filter((p) => !p.deleted),
    evaluations: evaluateHousehold(live, contacts, plans, rules),
    olderVisitsMissingBefore: missingBefore,
  };
};

export const getContact = async (db: TerenDb, id: string): Promise<Contact | undefined> =>
  decodeRecord<Contact | undefined>(await db.contacts.get(id));
