/**
 * A seeded, fake organisation for the benchmarks: teams of field workers, households with
 * people, enrolments, years of contacts and plans with revisions. Every record is built
 * with the app's own zod schemas (src/core/records), so what is benchmarked is what the app
 * and the server really store. Names come from the demo's invented lists; nothing here
 * describes a real person. Runs in Node and in the bench page (no Node APIs).
 */
import {
  CONTACT_KINDS,
  DISTRICTS,
  INTERVENTIONS,
  PLAN_AREAS,
  RECORD_SCHEMAS,
  TOPICS,
  type Contact,
  type ContactKind,
  type Enrolment,
  type Household,
  type Plan,
  type SeededProgramme,
} from '../../src/core';
import { HOSTELS, LOCALITIES, STREETS } from '../../sync-server/seed/fake-names';
import { PROGRAMME_MIX, WEEKLY_RATE } from '../../sync-server/seed/programme-mix';
import { makePeople } from '../../sync-server/seed/fake-people';
import { seededRandom, type Random } from '../../sync-server/seed/random';

export type BenchType = 'household' | 'person' | 'enrolment' | 'contact' | 'plan';
export type GenRecord = { type: BenchType; record: Record<string, unknown> & { id: string } };

export type GenOptions = {
  seed: number;
  teams: number;
  workersPerTeam: number;
  households: number;
  /** Contacts in the whole organisation, spread by how long and how intensely each case ran. */
  contacts: number;
  /** Share of households with an open enrolment today. */
  activeShare: number;
  /** How far back the oldest enrolment starts. */
  historyDays: number;
  now: number;
};

export type GenTeam = { id: string; name: string; supervisorId: string; workerIds: string[] };

/** An open case of a worker: what a simulated device may write to. */
export type OpenCase = {
  teamId: string;
  workerId: string;
  householdId: string;
  enrolmentId: string;
  personIds: string[];
  household: Household;
};

export type Org = {
  teams: GenTeam[];
  /** Every record of each team, household by household. */
  records: Map<string, GenRecord[]>;
  openCases: OpenCase[];
  counts: Record<BenchType, number>;
};

const DAY = 86_400_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const iso = (t: number) => new Date(t).toISOString();

/** The benchmark's organisation at `scale` (1 = 40 workers, 4,000 households, 400,000 contacts). */
export const orgOptions = (scale: number, now = Date.now()): GenOptions => ({
  seed: 8_2026,
  teams: 4,
  workersPerTeam: 10,
  households: Math.max(40, Math.round(4000 * scale)),
  contacts: Math.max(400, Math.round(400_000 * scale)),
  activeShare: 0.45,
  historyDays: 6 * 365,
  now: Math.floor(now / DAY) * DAY,
});

const NOTE_PHRASES = [
  'Domluvena návštěva na úřadu práce kvůli příspěvku na bydlení.',
  'Probrán splátkový kalendář, klientka přinese upomínky.',
  'Kontrola bytu bez závad, nájem zaplacen.',
  'Doprovod k lékaři, další termín za dva týdny.',
  'Sepsána žádost o dávku, chybí potvrzení od zaměstnavatele.',
  'Řešena komunikace se školou, děti chodí pravidelně.',
  'Klient nebyl doma, zanechán vzkaz.',
  'Mediace se sousedy ohledně hluku, dohoda uzavřena.',
  'Předána kontaktní místa dluhové poradny.',
  'Vyúčtování energií, navržena úprava záloh.',
] as const;
const NEXT_STEPS = ['Doložit příjmy', 'Zavolat na úřad', 'Návštěva v bytě', 'Kontrola plateb'];
const TARGET_GROUPS = ['rodina s dětmi', 'jednotlivec', 'senior', 'osamělý rodič'];

const parse = <T>(type: BenchType, record: T): GenRecord => ({
  type,
  record: RECORD_SCHEMAS[type].parse(record) as GenRecord['record'],
});

const weekday = (t: number) => {
  const d = new Date(t).getUTCDay();
  return d === 6 ? t + 2 * DAY : d === 0 ? t + DAY : t;
};

const makePlanRevisions = (rnd: Random, enrolment: Enrolment, from: number, to: number): Plan[] => {
  const revisions = Math.max(1, Math.min(6, Math.floor((to - from) / (120 * DAY))));
  const plans: Plan[] = [];
  const goalIds = [rnd.uuid(), rnd.uuid()];
  const stepIds = [rnd.uuid(), rnd.uuid(), rnd.uuid()];
  let basedOn: string | null = null;
  for (let r = 1; r <= revisions; r++) {
    const at = from + ((to - from) * (r - 1)) / revisions + rnd.int(0, 10) * DAY;
    const plan: Plan = {
      id: rnd.uuid(),
      householdId: enrolment.householdId,
      enrolmentId: enrolment.id,
      personId: null,
      revision: r,
      basedOn,
      authorId: enrolment.workerId,
      goals: [
        {
          id: goalIds[0] as string,
          area: 'housing',
          text: 'Udržet nájemní bydlení a platit nájem včas.',
          steps: [
            {
              id: stepIds[0] as string,
              what: 'Nastavit trvalý příkaz na nájem',
              who: 'klient',
              due: isoDate(at + 14 * DAY),
              done: r > 1,
            },
            {
              id: stepIds[1] as string,
              what: 'Požádat o příspěvek na bydlení',
              who: 'klient s pracovníkem',
              due: isoDate(at + 30 * DAY),
              done: r > 2,
            },
          ],
        },
        {
          id: goalIds[1] as string,
          area: rnd.pick(PLAN_AREAS.filter((a) => a !== 'housing')),
          text: 'Zmapovat dluhy a domluvit splátkový kalendář.',
          steps: [
            {
              id: stepIds[2] as string,
              what: 'Sepsat přehled věřitelů',
              who: 'pracovník',
              due: isoDate(at + 45 * DAY),
              done: r > 3,
            },
          ],
        },
      ],
      reviewDate: isoDate(at + 120 * DAY),
      clientAgreed: true,
      evaluation: r > 1 ? 'Cíle se daří plnit průběžně.' : '',
      createdAt: iso(at),
      updatedAt: iso(at),
      deleted: false,
    };
    plans.push(plan);
    basedOn = plan.id;
  }
  return plans;
};

/** A new contact as a worker logs it today: what devices push in the ingest benchmarks. */
export const newContact = (
  rnd: Random,
  c: Pick<OpenCase, 'householdId' | 'enrolmentId' | 'personIds' | 'workerId'>,
  at: number,
): Contact => {
  const kind: ContactKind = rnd.chance(0.08)
    ? 'failed_attempt'
    : rnd.pick(CONTACT_KINDS.filter((k) => k !== 'failed_attempt' && k !== 'group'));
  const failed = kind === 'failed_attempt';
  const phrases = rnd.int(1, 3);
  const note = failed
    ? ''
    : Array.from({ length: phrases }, () => rnd.pick(NOTE_PHRASES)).join(' ');
  return {
    id: rnd.uuid(),
    householdId: c.householdId,
    enrolmentIds: [c.enrolmentId],
    participantIds: failed ? [] : c.personIds.slice(0, rnd.int(1, 2)),
    otherParticipants: [],
    workerId: c.workerId,
    at: iso(at),
    minutes: failed ? 15 : rnd.pick([20, 30, 45, 60, 90]),
    kind,
    topics: failed ? [] : [rnd.pick(TOPICS)],
    interventions: failed ? [] : [rnd.pick(INTERVENTIONS)],
    note,
    nextStep: rnd.chance(0.3) ? rnd.pick(NEXT_STEPS) : '',
    nextDate: rnd.chance(0.2) ? isoDate(at + rnd.int(3, 20) * DAY) : null,
    amends: null,
    createdAt: iso(at),
    updatedAt: iso(at),
    deleted: false,
  };
};

/** Builds the organisation; the same options always give the same records. */
export const generateOrg = (opts: GenOptions): Org => {
  const rnd = seededRandom(opts.seed);
  const teams: GenTeam[] = Array.from({ length: opts.teams }, (_, i) => ({
    id: rnd.uuid(),
    name: `Terénní tým ${i + 1}`,
    supervisorId: rnd.uuid(),
    workerIds: Array.from({ length: opts.workersPerTeam }, () => rnd.uuid()),
  }));
  const records = new Map<string, GenRecord[]>(teams.map((t) => [t.id, []]));
  const counts: Record<BenchType, number> = {
    household: 0,
    person: 0,
    enrolment: 0,
    contact: 0,
    plan: 0,
  };
  const openCases: OpenCase[] = [];

  // First the cases and their durations, so contacts can be spread over the case-days.
  type Case = {
    team: GenTeam;
    workerId: string;
    programme: SeededProgramme;
    start: number;
    end: number;
    active: boolean;
    weight: number;
  };
  const cases: Case[] = [];
  const activeCount = new Map<string, number>();
  for (let h = 0; h < opts.households; h++) {
    const team = teams[h % teams.length] as GenTeam;
    const programme = rnd.pick(PROGRAMME_MIX);
    const active = rnd.chance(opts.activeShare);
    const start = opts.now - rnd.int(10, opts.historyDays) * DAY;
    const end = active ? opts.now : Math.min(opts.now - DAY, start + rnd.int(60, 900) * DAY);
    // Open cases are spread evenly over the team's workers; closed ones went to anyone.
    let workerId = rnd.pick(team.workerIds);
    if (active) {
      workerId = [...team.workerIds].sort(
        (a, b) => (activeCount.get(a) ?? 0) - (activeCount.get(b) ?? 0),
      )[0] as string;
      activeCount.set(workerId, (activeCount.get(workerId) ?? 0) + 1);
    }
    const weight = ((end - start) / DAY) * WEEKLY_RATE[programme] * (0.5 + rnd.next());
    cases.push({ team, workerId, programme, start, end, active, weight });
  }
  const totalWeight = cases.reduce((a, c) => a + c.weight, 0);

  for (const c of cases) {
    const out = records.get(c.team.id) as GenRecord[];
    const push = (r: GenRecord) => {
      out.push(r);
      counts[r.type]++;
    };
    const householdId = rnd.uuid();
    const stamp = iso(c.start);
    const hostel = rnd.chance(0.25);
    const people = makePeople(rnd, householdId, stamp);
    const household: Household = {
      id: householdId,
      teamId: c.team.id,
      anonymised: false,
      label: people[0]?.lastName ?? 'Domácnost',
      street: `${rnd.pick(STREETS)} ${rnd.int(1, 120)}`,
      city: 'Ostrava',
      district: DISTRICTS[rnd.int(0, DISTRICTS.length - 2)] ?? 'other',
      localityKind: hostel ? 'hostel' : rnd.chance(0.6) ? 'svl' : 'ordinary',
      localityName: hostel ? rnd.pick(HOSTELS) : rnd.pick(LOCALITIES),
      phone: '',
      note: rnd.chance(0.3) ? 'Zvonek nefunguje, volat předem.' : '',
      createdAt: stamp,
      updatedAt: stamp,
      deleted: false,
    };
    const housing = c.programme.endsWith('_housing');
    const enrolment: Enrolment = {
      id: rnd.uuid(),
      householdId,
      programme: c.programme,
      startDate: isoDate(c.start),
      workerId: c.workerId,
      targetGroup: rnd.pick(TARGET_GROUPS),
      status: c.active ? 'active' : 'closed',
      closedOn: c.active ? null : isoDate(c.end),
      closeReason: c.active ? null : rnd.pick(['goals_met', 'moved_out', 'ended_cooperation']),
      lease: housing
        ? {
            flat: `${rnd.pick(STREETS)} ${rnd.int(1, 90)}, byt ${rnd.int(1, 24)}`,
            start: isoDate(c.start),
            end: c.programme === 'crisis_housing' ? isoDate(c.start + 182 * DAY) : null,
          }
        : null,
      consent: { given: true, date: isoDate(c.start), legalBasis: 'consent' },
      createdAt: stamp,
      updatedAt: c.active ? stamp : iso(c.end),
      deleted: false,
    };
    push(parse('household', household));
    for (const p of people) push(parse('person', p));
    push(parse('enrolment', enrolment));
    if (c.active) {
      openCases.push({
        teamId: c.team.id,
        workerId: c.workerId,
        householdId,
        enrolmentId: enrolment.id,
        personIds: people.map((p) => p.id),
        household,
      });
    }

    const n = Math.round((opts.contacts * c.weight) / totalWeight);
    const times = Array.from({ length: n }, () =>
      weekday(c.start + Math.floor(rnd.next() * (c.end - c.start)) + rnd.int(7, 15) * 3600_000),
    )
      .filter((t) => t < opts.now)
      .sort((a, b) => a - b);
    const open = { householdId, enrolmentId: enrolment.id, personIds: people.map((p) => p.id) };
    for (const t of times) {
      const contact = newContact(rnd, { ...open, workerId: c.workerId }, t);
      push(parse('contact', contact));
      // Now and then a visit is corrected: a new contact that amends the original.
      if (rnd.chance(0.01)) {
        const fixedAt = Math.min(opts.now - 1, t + rnd.int(1, 48) * 3600_000);
        push(
          parse('contact', {
            ...contact,
            id: rnd.uuid(),
            minutes: contact.minutes + 15,
            amends: contact.id,
            createdAt: iso(fixedAt),
            updatedAt: iso(fixedAt),
          }),
        );
      }
    }
    if (housing && c.end - c.start > 40 * DAY) {
      for (const plan of makePlanRevisions(rnd, enrolment, c.start + 20 * DAY, c.end))
        push(parse('plan', plan));
    }
  }
  return { teams, records, openCases, counts };
};

/** A fresh random stream for workloads, apart from the organisation's. */
export const workloadRandom = (seed: number): Random => seededRandom(seed);
