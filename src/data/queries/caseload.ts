import {
  awaitsSignOff,
  planState,
  pragueDate,
  type EnrolmentEvaluation,
  type Urgency,
  groupBy,
  isRealContact,
  type ContactFacts,
  type Enrolment,
  type Household,
  type Person,
  type PlanReview,
  type PlanFacts,
} from '../../core';
import { decodeAllHeld } from '../read-model/decoded';
import {
  CONTACT_FACTS,
  ENROLMENTS,
  HOUSEHOLDS,
  PEOPLE,
  PLAN_FACTS,
  PLAN_REVIEWS,
} from '../read-model/held-tables';
import { heldTable } from '../read-model/read-model';
import type { TerenDb } from '../db';
import { loadRules } from '../rules';
import { legible } from './enrolment-rows';
import { newestContacts } from './household';
import { evaluateAll } from './evaluations';

export type CaseloadRow = {
  household: Household;
  people: Person[];
  enrolments: Enrolment[];
  /** Where each open enrolment stands against its programme's rule today. */
  evaluations: Map<string, EnrolmentEvaluation>;
  /** The most urgent of the household's enrolments. */
  urgency: Urgency;
  /** The newest contact that counts (failed attempts do not). */
  lastContactAt: string | null;
  /** The next agreed date from the newest contact that set one. */
  nextDate: string | null;
  /** Enrolments whose current plan revision waits for a supervisor's sign-off. */
  signOffDue: string[];
};

/** ISO times compare as plain text; `localeCompare` collates, which is slower and not needed. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byName = new Intl.Collator('cs');

type Summary = { lastContactAt: string | null; nextDate: string | null };

/** The ids of the contacts that a correction (or a taking back) among these replaces. */
const supersededIn = (contacts: readonly ContactFacts[]): Set<string> => {
  const ids = new Set<string>();
  for (const c of contacts) if (c.amends) ids.add(c.amends);
  return ids;
};

/**
 * Takes contacts newest first, leaving out the superseded ones (known beforehand: a taking
 * back has its original's time, and a correction may move a visit earlier, so neither is
 * sure to come first); `add` answers whether the summary is complete, so a reader can stop.
 */
const newestFirstSummary = (superseded: ReadonlySet<string>) => {
  const summary: Summary = { lastContactAt: null, nextDate: null };
  const add = (c: ContactFacts): boolean => {
    if (!c.deleted && !superseded.has(c.id)) {
      if (!summary.lastContactAt && isRealContact(c)) summary.lastContactAt = c.at;
      if (!summary.nextDate && c.nextDate) summary.nextDate = c.nextDate;
    }
    return !!summary.lastContactAt && !!summary.nextDate;
  };
  return { summary, add };
};

/**
 * From the recent contacts already read for the rules; a household without a real contact
 * among them (long unvisited, or not enrolled) gets its own read of its contacts through
 * the index, newest first (the readable fields suffice: nothing is decrypted).
 */
const summarise = async (
  db: TerenDb,
  householdId: string,
  recent: readonly ContactFacts[] | undefined,
): Promise<Summary> => {
  if (recent?.length) {
    const { summary, add } = newestFirstSummary(supersededIn(recent));
    for (const c of [...recent].sort((a, b) => byText(b.at, a.at))) if (add(c)) break;
    if (summary.lastContactAt) return summary;
  }
  const all: ContactFacts[] = await newestContacts(db, householdId).toArray();
  const { summary, add } = newestFirstSummary(supersededIn(all));
  for (const c of all) if (add(c)) break;
  return summary;
};

export type CaseloadFilter = {
  workerId?: string | undefined;
  /** Prague date to evaluate the rules on; today by default. */
  today?: string | undefined;
};

const URGENCY_RANK: Record<Urgency, number> = { overdue: 0, at_risk: 1, due: 2, met: 3, none: 4 };
const mostUrgent = (list: Iterable<Urgency>): Urgency => {
  let worst: Urgency = 'none';
  for (const u of list) if (URGENCY_RANK[u] < URGENCY_RANK[worst]) worst = u;
  return worst;
};

/** The rows of the held tables the caseload reads, decrypted only where they show. */
const openCaseload = async (db: TerenDb, filter: CaseloadFilter) => {
  // The held rows (read-model.ts) are filtered by their readable fields before anything is
  // decrypted: closed cases (years of them on a supervisor's device) and a colleague's are
  // never opened; a row without them readable would be.
  const [sealedEnrolments, sealedHouseholds, sealedPeople, allReviews] = (
    await Promise.all([
      heldTable(db, ENROLMENTS),
      heldTable(db, HOUSEHOLDS),
      heldTable(db, PEOPLE),
      heldTable(db, PLAN_REVIEWS),
    ])
  ).map((index) => index.all()) as [Enrolment[], Household[], Person[], PlanReview[]];
  const shows = (e: Enrolment) =>
    !e.deleted && e.status !== 'closed' && (!filter.workerId || e.workerId === filter.workerId);
  const opened = await decodeAllHeld<Enrolment>(
    sealedEnrolments.filter((e) => !legible(e) || shows(e)),
  );
  const enrolled = new Set([
    ...sealedEnrolments.filter((e) => legible(e) && !e.deleted).map((e) => e.householdId),
    ...opened.filter((e) => !e.deleted).map((e) => e.householdId),
  ]);
  const enrolments = opened.filter(shows);
  const byHousehold = groupBy(enrolments, (e) => e.householdId);
  // Households registered on this device but not enrolled yet stay visible, so one whose
  // enrolment form was left unfinished is not lost from sight.
  const households = (
    await decodeAllHeld<Household>(
      sealedHouseholds.filter((h) => byHousehold.has(h.id) || !enrolled.has(h.id)),
    )
  ).filter((h) => !h.deleted);
  return { enrolments, byHousehold, households, sealedPeople, allReviews };
};

type RowParts = {
  byHousehold: Map<string, Enrolment[]>;
  people: Map<string, Person[]>;
  reviews: Map<string, PlanReview[]>;
  evaluations: Map<string, EnrolmentEvaluation>;
  plansByEnrolment: Map<string, PlanFacts[]>;
};

const caseloadRow = (household: Household, summary: Summary, parts: RowParts): CaseloadRow => {
  const own = parts.byHousehold.get(household.id) ?? [];
  const evaluated = new Map(
    own.map((e) => [e.id, parts.evaluations.get(e.id) as EnrolmentEvaluation]),
  );
  const reviews = parts.reviews.get(household.id) ?? [];
  return {
    household,
    people: (parts.people.get(household.id) ?? []).filter((p) => !p.deleted),
    enrolments: own,
    evaluations: evaluated,
    urgency: mostUrgent([...evaluated.values()].map((v) => v.urgency)),
    signOffDue: own
      .filter((e) =>
        awaitsSignOff(planState(parts.plansByEnrolment.get(e.id) ?? []).current, reviews),
      )
      .map((e) => e.id),
    ...summary,
  };
};

/**
 * Most urgent first; within the same urgency, who has waited longest. Then by name, so the
 * order a worker learns does not change between reads.
 */
const byUrgencyThenWait = (a: CaseloadRow, b: CaseloadRow) =>
  URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
  byText(a.lastContactAt ?? '', b.lastContactAt ?? '') ||
  byName.compare(a.household.label, b.household.label) ||
  byText(a.household.id, b.household.id);

/**
 * The households a user works with: those with an open enrolment (for a worker, assigned
 * to them), with people and the latest contact, most urgent first.
 */
export const loadCaseload = async (db: TerenDb, filter: CaseloadFilter): Promise<CaseloadRow[]> => {
  // The facts the rules read (evaluateAll below) are asked for now, so they are read from
  // the database while the enrolments and households are decrypted; a failure shows there.
  void heldTable(db, CONTACT_FACTS).catch(() => undefined);
  void heldTable(db, PLAN_FACTS).catch(() => undefined);
  const { enrolments, byHousehold, households, sealedPeople, allReviews } = await openCaseload(
    db,
    filter,
  );
  const shown = new Set(households.map((h) => h.id));
  const { evaluations, contactsByHousehold, plansByEnrolment } = await evaluateAll(
    db,
    enrolments,
    await loadRules(db),
    filter.today ?? pragueDate(new Date()),
  );
  const people = groupBy(
    await decodeAllHeld<Person>(sealedPeople.filter((p) => shown.has(p.householdId))),
    (p) => p.householdId,
  );
  // Sign-offs need no decrypting: a review's plan, flag and time are stored readable.
  const reviews = groupBy(
    allReviews.filter((r) => byHousehold.has(r.householdId)),
    (r) => r.householdId,
  );
  // In one read transaction, side by side: a household without a recent visit looks
  // through its contacts' index.
  const summaries = await db.transaction('r', db.contacts, () =>
    Promise.all(households.map((h) => summarise(db, h.id, contactsByHousehold.get(h.id)))),
  );
  const parts = { byHousehold, people, reviews, evaluations, plansByEnrolment };
  const rows = households.map((h, i) => caseloadRow(h, summaries[i] as Summary, parts));
  rows.sort(byUrgencyThenWait);
  return rows;
};
