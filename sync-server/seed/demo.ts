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
import { seededRandom } from './random';

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

  const rnd = seededRandom(20161);
  const teamId = rnd.uuid();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = DEMO_USERS.map(() => rnd.uuid());
  const workerIds = userIds.filter((_, i) => DEMO_USERS[i]?.role === 'worker');
  const writes: RecordWrite[] = [];
  const cases: DemoCase[] = [];
  const plans: Plan[] = [];
  let contacts = 0;

  for (let h = 0; h < PROGRAMME_MIX.length; h++) {
    const programme = PROGRAMME_MIX[h] as SeededProgramme;
    const householdId = rnd.uuid();
    const startedDaysAgo = rnd.int(5, 330);
    const start = now - startedDaysAgo * DAY;
    const stamp = new Date(start).toISOString();
    const hostel = rnd.chance(0.25);
    const household: Household = {
      id: householdId,
      teamId,
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
    const people = makePeople(rnd, householdId, stamp);
    household.label = people[0]?.lastName ?? 'Domácnost';
    const workerId = workerIds[h % workerIds.length] as string;
    const housing = programme.endsWith('_housing');
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
      lease: housing
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
    writes.push({ type: 'household', record: household });
    for (const p of people) writes.push({ type: 'person', record: p });
    writes.push({ type: 'enrolment', record: enrolment });
    cases.push({ enrolment, personId: people[0]?.id ?? householdId, startedDaysAgo });

    // Contacts at a programme's pace, thinning out for a few households so some are overdue.
    const neglected = rnd.chance(0.2);
    const rate = WEEKLY_RATE[programme] * (neglected ? 0.3 : 1);
    const stopDaysAgo = neglected ? rnd.int(8, 25) : 0;
    for (let day = startedDaysAgo; day > stopDaysAgo; day--) {
      if (!rnd.chance(rate / 7)) continue;
      const at = now - day * DAY;
      const weekday = new Date(at).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const kind: ContactKind = rnd.chance(0.08)
        ? 'failed_attempt'
        : rnd.pick(CONTACT_KINDS.filter((k) => k !== 'failed_attempt' && k !== 'group'));
      const contact: Contact = {
        id: rnd.uuid(),
        householdId,
        enrolmentIds: [enrolment.id],
        participantIds: kind === 'failed_attempt' ? [] : [people[0]?.id ?? householdId],
        otherParticipants: [],
        workerId,
        at: new Date(Math.floor(at / DAY) * DAY + rnd.int(7, 14) * 3600_000).toISOString(),
        minutes: kind === 'failed_attempt' ? 15 : rnd.pick([20, 30, 45, 60, 90]),
        kind,
        topics: [rnd.pick(['housing', 'debt', 'employment', 'benefits', 'energy'] as const)],
        interventions:
          kind === 'failed_attempt'
            ? []
            : [rnd.pick(['counselling', 'mediation', 'referral'] as const)],
        note: '',
        nextStep: '',
        nextDate: null,
        amends: null,
        createdAt: new Date(at).toISOString(),
        updatedAt: new Date(at).toISOString(),
        deleted: false,
      };
      writes.push({ type: 'contact', record: contact });
      contacts++;
    }

    if (housing && startedDaysAgo > 40 && rnd.chance(0.8)) {
      const planned = start + rnd.int(14, 60) * DAY;
      const plan: Plan = {
        id: rnd.uuid(),
        householdId,
        enrolmentId: enrolment.id,
        revision: 1,
        basedOn: null,
        authorId: workerId,
        goals: [
          {
            id: rnd.uuid(),
            area: 'housing',
            text: 'Udržet nájemní bydlení a platit nájem včas.',
            steps: [
              {
                id: rnd.uuid(),
                what: 'Nastavit trvalý příkaz na nájem',
                who: 'klient',
                due: isoDate(planned + 14 * DAY),
                done: true,
              },
              {
                id: rnd.uuid(),
                what: 'Požádat o příspěvek na bydlení na ÚP ČR',
                who: 'klient s pracovníkem',
                due: isoDate(planned + 30 * DAY),
                done: rnd.chance(0.5),
              },
            ],
          },
          {
            id: rnd.uuid(),
            area: 'debt',
            text: 'Zmapovat dluhy a domluvit splátkový kalendář.',
            steps: [
              {
                id: rnd.uuid(),
                what: 'Sepsat přehled věřitelů',
                who: 'pracovník',
                due: isoDate(planned + 45 * DAY),
                done: false,
              },
            ],
          },
        ],
        reviewDate: isoDate(planned + 90 * DAY),
        clientAgreed: true,
        evaluation: '',
        createdAt: new Date(planned).toISOString(),
        updatedAt: new Date(planned).toISOString(),
        deleted: false,
      };
      writes.push({ type: 'plan', record: plan });
      plans.push(plan);
    }
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
  return {
    households: PROGRAMME_MIX.length + history.households,
    contacts,
    users: DEMO_USERS.length,
  };
};
