import {
  DISTRICTS,
  type Contact,
  type Enrolment,
  type Household,
  type Plan,
  type PlanReview,
} from '../../src/core';
import type { RecordWrite } from '../sync/store-records';
import { DAY, isoDate, makePeople } from './fake-people';
import { STREETS } from './fake-names';
import type { Random } from './random';

export type DemoCase = { enrolment: Enrolment; personId: string; startedDaysAgo: number };

type Context = {
  now: number;
  teamId: string;
  workerIds: string[];
  supervisorId: string;
  cases: readonly DemoCase[];
  plans: readonly Plan[];
};

/** Closed long ago (past the retention period), or lately (in this year's reports). */
const CLOSED: readonly { closedDaysAgo: number; reason: NonNullable<Enrolment['closeReason']> }[] =
  [
    { closedDaysAgo: 40, reason: 'goals_met' },
    { closedDaysAgo: 95, reason: 'moved_out' },
    { closedDaysAgo: 150, reason: 'ended_cooperation' },
    { closedDaysAgo: 365 * 11, reason: 'goals_met' },
    { closedDaysAgo: 365 * 12 + 30, reason: 'lease_ended' },
  ];

const contactAt = (
  rnd: Random,
  c: { householdId: string; enrolmentId: string; workerId: string; personId: string },
  at: number,
  over: Partial<Contact> = {},
): Contact => {
  const stamp = new Date(at).toISOString();
  return {
    id: rnd.uuid(),
    householdId: c.householdId,
    enrolmentIds: [c.enrolmentId],
    participantIds: [c.personId],
    otherParticipants: [],
    workerId: c.workerId,
    at: stamp,
    minutes: rnd.pick([30, 45, 60]),
    kind: 'home_visit',
    topics: [rnd.pick(['housing', 'debt', 'benefits'] as const)],
    interventions: ['counselling'],
    note: '',
    nextStep: '',
    nextDate: null,
    amends: null,
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
    ...over,
  };
};

/** A case closed this long ago: its household, people, enrolment and visits until then. */
const closedCase = (rnd: Random, ctx: Context, closed: (typeof CLOSED)[number]) => {
  const end = ctx.now - closed.closedDaysAgo * DAY;
  const start = end - rnd.int(120, 400) * DAY;
  const stamp = new Date(start).toISOString();
  const householdId = rnd.uuid();
  const people = makePeople(rnd, householdId, stamp);
  const household: Household = {
    id: householdId,
    teamId: ctx.teamId,
    anonymised: false,
    label: people[0]?.lastName ?? 'Domácnost',
    street: `${rnd.pick(STREETS)} ${rnd.int(1, 120)}`,
    city: 'Ostrava',
    district: DISTRICTS[rnd.int(0, DISTRICTS.length - 2)] ?? 'other',
    localityKind: 'ordinary',
    localityName: '',
    phone: '',
    note: '',
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
  };
  const workerId = rnd.pick(ctx.workerIds);
  const enrolment: Enrolment = {
    id: rnd.uuid(),
    householdId,
    programme: rnd.pick(['social_housing', 'affordable_housing', 'field_work'] as const),
    startDate: isoDate(start),
    workerId,
    targetGroup: 'rodina s dětmi',
    status: 'closed',
    closedOn: isoDate(end),
    closeReason: closed.reason,
    lease: null,
    consent: { given: true, date: isoDate(start), legalBasis: 'consent' },
    createdAt: stamp,
    updatedAt: new Date(end).toISOString(),
    deleted: false,
  };
  const who = {
    householdId,
    enrolmentId: enrolment.id,
    workerId,
    personId: people[0]?.id ?? householdId,
  };
  const contacts: Contact[] = [];
  for (let at = start + 7 * DAY; at < end; at += rnd.int(7, 21) * DAY)
    contacts.push(contactAt(rnd, who, at));
  return { household, people, enrolment, contacts };
};

/** A monthly group session (finanční gramotnost) for some households of longer standing. */
const groupSessions = (rnd: Random, ctx: Context): Contact[] => {
  const contacts: Contact[] = [];
  for (const c of ctx.cases.filter((x) => x.startedDaysAgo > 120).slice(0, 6)) {
    const who = {
      householdId: c.enrolment.householdId,
      enrolmentId: c.enrolment.id,
      workerId: c.enrolment.workerId,
      personId: c.personId,
    };
    for (let month = 1; month <= 3; month++) {
      const at = ctx.now - (month * 30 - rnd.int(0, 5)) * DAY;
      const day = new Date(at).getUTCDay();
      const weekday = day === 0 ? at + DAY : day === 6 ? at + 2 * DAY : at;
      contacts.push(
        contactAt(rnd, who, Math.floor(weekday / DAY) * DAY + 14 * 3600_000, {
          kind: 'group',
          minutes: 90,
          topics: ['debt'],
          interventions: ['counselling'],
        }),
      );
    }
  }
  return contacts;
};

/** The supervisor has signed off some of the second worker's plans. */
const signOffs = (rnd: Random, ctx: Context): PlanReview[] =>
  ctx.plans
    .filter((p) => p.authorId === ctx.workerIds[1])
    .slice(0, 3)
    .map((plan) => {
      const at = new Date(Date.parse(plan.createdAt) + rnd.int(2, 10) * DAY).toISOString();
      return {
        id: rnd.uuid(),
        householdId: plan.householdId,
        enrolmentId: plan.enrolmentId,
        planId: plan.id,
        authorId: ctx.supervisorId,
        text: 'Plán odpovídá potřebám domácnosti, schvaluji.',
        signedOff: true,
        createdAt: at,
        updatedAt: at,
        deleted: false,
      };
    });

const contactWrites = (contacts: readonly Contact[]): RecordWrite[] =>
  contacts.map((record) => ({ type: 'contact', record }));

/**
 * The parts of a real organisation's history the screens need to show something: closed
 * cases (some past their retention period), monthly group sessions, and a supervisor's
 * sign-off of some of the second worker's plans.
 */
export const demoHistory = (rnd: Random, ctx: Context) => {
  const writes: RecordWrite[] = [];
  let contacts = 0;
  for (const closed of CLOSED) {
    const one = closedCase(rnd, ctx, closed);
    writes.push({ type: 'household', record: one.household });
    for (const p of one.people) writes.push({ type: 'person', record: p });
    writes.push({ type: 'enrolment', record: one.enrolment }, ...contactWrites(one.contacts));
    contacts += one.contacts.length;
  }
  const sessions = groupSessions(rnd, ctx);
  writes.push(...contactWrites(sessions));
  for (const record of signOffs(rnd, ctx)) writes.push({ type: 'planReview', record });
  return { writes, contacts: contacts + sessions.length, households: CLOSED.length };
};
