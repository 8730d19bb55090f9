import {
  CONTACT_KINDS,
  DISTRICTS,
  type Contact,
  type ContactKind,
  type Enrolment,
  type Household,
  type Plan,
  type SeededProgramme,
} from '../../src/core';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/database';
import { storeRecords, type RecordWrite } from '../sync/store-records';
import { HOSTELS, LOCALITIES, STREETS } from './fake-names';
import { DAY, isoDate, makePeople } from './fake-people';
import { PROGRAMME_MIX, WEEKLY_RATE } from './programme-mix';
import { demoHistory, type DemoCase } from './demo-history';
import { seededRandom, type Random } from './random';

/** The demo logins printed at start; the password is for the demo database only. */
export const DEMO_PASSWORD = 'teren-demo';
export const DEMO_USERS = [
  { username: 'vedouci', name: 'Alena Vedoucí', role: 'supervisor' },
  { username: 'pracovnik1', name: 'Tereza Terénní', role: 'worker' },
  { username: 'pracovnik2', name: 'Marek Terénní', role: 'worker' },
  { username: 'manazer', name: 'Ivana Manažerská', role: 'manager' },
  { username: 'spravce', name: 'Pavel Správce', role: 'admin' },
] as const;

export type DemoSummary = { households: number; contacts: number; users: number };

/** One of the demo's households as it started: who works with it, since when. */
type Start = {
  rnd: Random;
  teamId: string;
  householdId: string;
  programme: SeededProgramme;
  workerId: string;
  startedDaysAgo: number;
  start: number;
  stamp: string;
};

const demoHousehold = ({ rnd, teamId, householdId, stamp }: Start): Household => {
  const hostel = rnd.chance(0.25);
  return {
    id: householdId,
    teamId,
    anonymised: false,
    label: '',
    street: `${rnd.pick(STREETS)} ${rnd.int(1, 120)}`,
    city: 'Ostrava',
    district: DISTRICTS[rnd.int(0, DISTRICTS.length - 2)] ?? 'other',
    localityKind: hostel ? 'hostel' : rnd.chance(0.6) ? 'svl' : 'ordinary',
    localityName: hostel ? rnd.pick(HOSTELS) : rnd.pick(LOCALITIES),
    phone: '',
    note: '',
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
  };
};

const isHousing = (programme: SeededProgramme) => programme.endsWith('_housing');

const demoEnrolment = ({ rnd, householdId, programme, workerId, start, stamp }: Start) => {
  const leaseEnd = programme === 'crisis_housing' ? start + 182 * DAY : null;
  const enrolment: Enrolment = {
    id: rnd.uuid(),
    householdId,
    programme,
    startDate: isoDate(start),
    workerId,
    targetGroup: rnd.pick(['rodina s dětmi', 'jednotlivec', 'senior', 'osamělý rodič']),
    status: 'active',
    closedOn: null,
    closeReason: null,
    lease: isHousing(programme)
      ? {
          flat: `${rnd.pick(STREETS)} ${rnd.int(1, 90)}, byt ${rnd.int(1, 24)}`,
          start: isoDate(start),
          end: leaseEnd ? isoDate(leaseEnd) : null,
        }
      : null,
    consent: { given: true, date: isoDate(start), legalBasis: 'consent' },
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
  };
  return enrolment;
};

const demoContact = (s: Start, enrolmentId: string, personId: string, at: number): Contact => {
  const { rnd } = s;
  const kind: ContactKind = rnd.chance(0.08)
    ? 'failed_attempt'
    : rnd.pick(CONTACT_KINDS.filter((k) => k !== 'failed_attempt' && k !== 'group'));
  const failed = kind === 'failed_attempt';
  return {
    id: rnd.uuid(),
    householdId: s.householdId,
    enrolmentIds: [enrolmentId],
    participantIds: failed ? [] : [personId],
    otherParticipants: [],
    workerId: s.workerId,
    at: new Date(Math.floor(at / DAY) * DAY + rnd.int(7, 14) * 3600_000).toISOString(),
    minutes: failed ? 15 : rnd.pick([20, 30, 45, 60, 90]),
    kind,
    topics: [rnd.pick(['housing', 'debt', 'employment', 'benefits', 'energy'] as const)],
    interventions: failed ? [] : [rnd.pick(['counselling', 'mediation', 'referral'] as const)],
    note: '',
    nextStep: '',
    nextDate: null,
    amends: null,
    createdAt: new Date(at).toISOString(),
    updatedAt: new Date(at).toISOString(),
    deleted: false,
  };
};

/** Contacts at a programme's pace, thinning out for a few households so some are overdue. */
const demoContacts = (s: Start, enrolmentId: string, personId: string, now: number) => {
  const { rnd } = s;
  const neglected = rnd.chance(0.2);
  const rate = WEEKLY_RATE[s.programme] * (neglected ? 0.3 : 1);
  const stopDaysAgo = neglected ? rnd.int(8, 25) : 0;
  const contacts: Contact[] = [];
  for (let day = s.startedDaysAgo; day > stopDaysAgo; day--) {
    if (!rnd.chance(rate / 7)) continue;
    const at = now - day * DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    contacts.push(demoContact(s, enrolmentId, personId, at));
  }
  return contacts;
};

/** A housing case's first plan: keeping the flat, and the debts. */
const demoPlan = ({ rnd, householdId, workerId, start }: Start, enrolmentId: string): Plan => {
  const planned = start + rnd.int(14, 60) * DAY;
  // `done` is drawn after the step's id, as the demo's stream has always had it.
  const step = (what: string, who: string, days: number, done: () => boolean) => ({
    id: rnd.uuid(),
    what,
    who,
    due: isoDate(planned + days * DAY),
    done: done(),
  });
  return {
    id: rnd.uuid(),
    householdId,
    enrolmentId,
    personId: null,
    revision: 1,
    basedOn: null,
    authorId: workerId,
    goals: [
      {
        id: rnd.uuid(),
        area: 'housing',
        text: 'Udržet nájemní bydlení a platit nájem včas.',
        steps: [
          step('Nastavit trvalý příkaz na nájem', 'klient', 14, () => true),
          step('Požádat o příspěvek na bydlení na ÚP ČR', 'klient s pracovníkem', 30, () =>
            rnd.chance(0.5),
          ),
        ],
      },
      {
        id: rnd.uuid(),
        area: 'debt',
        text: 'Zmapovat dluhy a domluvit splátkový kalendář.',
        steps: [step('Sepsat přehled věřitelů', 'pracovník', 45, () => false)],
      },
    ],
    reviewDate: isoDate(planned + 90 * DAY),
    clientAgreed: true,
    evaluation: '',
    createdAt: new Date(planned).toISOString(),
    updatedAt: new Date(planned).toISOString(),
    deleted: false,
  };
};

/** One household of the programme mix with its people, enrolment, contacts and plan. */
const demoCase = (s: Start, now: number) => {
  const household = demoHousehold(s);
  const people = makePeople(s.rnd, s.householdId, s.stamp);
  household.label = people[0]?.lastName ?? 'Domácnost';
  const enrolment = demoEnrolment(s);
  const personId = people[0]?.id ?? s.householdId;
  const contacts = demoContacts(s, enrolment.id, personId, now);
  const plan =
    isHousing(s.programme) && s.startedDaysAgo > 40 && s.rnd.chance(0.8)
      ? demoPlan(s, enrolment.id)
      : null;
  const writes: RecordWrite[] = [
    { type: 'household', record: household },
    ...people.map((record): RecordWrite => ({ type: 'person', record })),
    { type: 'enrolment', record: enrolment },
    ...contacts.map((record): RecordWrite => ({ type: 'contact', record })),
    ...(plan ? [{ type: 'plan', record: plan } as const] : []),
  ];
  const started: DemoCase = { enrolment, personId, startedDaysAgo: s.startedDaysAgo };
  return { writes, started, plan, contacts: contacts.length };
};

/** The demo organisation's records, the same on every install (seeded random streams). */
export const demoWrites = (now: number) => {
  const rnd = seededRandom(20161);
  const teamId = rnd.uuid();
  const userIds = DEMO_USERS.map(() => rnd.uuid());
  const workerIds = userIds.filter((_, i) => DEMO_USERS[i]?.role === 'worker');
  const writes: RecordWrite[] = [];
  const cases: DemoCase[] = [];
  const plans: Plan[] = [];
  let contacts = 0;
  for (const [h, programme] of PROGRAMME_MIX.entries()) {
    const householdId = rnd.uuid();
    const startedDaysAgo = rnd.int(5, 330);
    const start = now - startedDaysAgo * DAY;
    const stamp = new Date(start).toISOString();
    const workerId = workerIds[h % workerIds.length] as string;
    const one = demoCase(
      { rnd, teamId, householdId, programme, workerId, startedDaysAgo, start, stamp },
      now,
    );
    writes.push(...one.writes);
    cases.push(one.started);
    if (one.plan) plans.push(one.plan);
    contacts += one.contacts;
  }
  // Closed cases, group work and sign-offs come from a random stream of their own, so the
  // households above stay the same whatever is added here.
  const history = demoHistory(seededRandom(20162), {
    now,
    teamId,
    workerIds,
    supervisorId: userIds[DEMO_USERS.findIndex((u) => u.role === 'supervisor')] as string,
    cases,
    plans,
  });
  writes.push(...history.writes);
  contacts += history.contacts;
  const households = PROGRAMME_MIX.length + history.households;
  return { teamId, userIds, writes, contacts, households };
};

/**
 * Fills an empty database with a fake organisation: one team with a supervisor and two
 * workers, a manager and an admin, ~30 households in Ostrava districts enrolled in the
 * programmes, and contacts over the last months. Does nothing when users exist.
 */
export const seedDemo = async (db: Database, now = Date.now()): Promise<DemoSummary | null> => {
  const [{ count } = { count: 0 }] = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM users',
  );
  if (Number(count) > 0) return null;

  const { teamId, userIds, writes, contacts, households } = demoWrites(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [teamId, 'Terénní tým Ostrava']);
    for (const [i, u] of DEMO_USERS.entries()) {
      const inTeam = u.role === 'worker' || u.role === 'supervisor';
      await tx.query(
        'INSERT INTO users (id, team_id, username, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
        [userIds[i], inTeam ? teamId : null, u.username, u.name, u.role, passwordHash],
      );
    }
    await storeRecords(tx, teamId, writes);
  });
  return { households, contacts, users: DEMO_USERS.length };
};
