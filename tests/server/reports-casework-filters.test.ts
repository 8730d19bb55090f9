import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  addDays,
  DEFAULT_RULES,
  type CaseworkReport,
  type Enrolment,
  type Household,
  type IndicatorRow,
} from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { storeRecords } from '../../sync-server/sync/store-records';
import { aContact, aHousehold, anEnrolment, aPerson, aPlan } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, testApp } from './helpers/app';

/**
 * The casework report's programme and district filters, with the indicators' meaning: a
 * programme keeps its enrolments (and its share of a session's minutes), a district the
 * households whose current address is in it.
 */
describe.each(BACKENDS)('casework report filters on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  // A known dataset in a team of its own, in March 2019: years before any demo data.
  const team = randomUUID();
  const poruba = aHousehold({ teamId: team, district: 'poruba' });
  const vitkovice = aHousehold({ teamId: team, district: 'vitkovice' });
  const [pA1, pA2, pB1] = [aPerson(poruba.id), aPerson(poruba.id), aPerson(vitkovice.id)];
  const social = DEFAULT_RULES.social_housing.planWithinDays as number;
  const enrol = (h: Household, programme: Enrolment['programme'], startDate: string, over = {}) =>
    anEnrolment(h.id, { programme, startDate, ...over });

  // Poruba: a flat with its plan on time and its lease ending, a crisis stay ended by a
  // move (its plan due on 3 March, missing), and field work met by a group session that
  // also served the flat.
  const aField = enrol(poruba, 'field_work', '2019-01-01', {
    // Fixed ids, lower for field work: the session's odd minute goes to it.
    id: '00000000-0000-4000-8000-00000000f001',
  });
  const aSocial = enrol(poruba, 'social_housing', addDays('2019-03-10', -social), {
    id: '00000000-0000-4000-8000-00000000f002',
    lease: { flat: 'A 1', start: '2018-12-09', end: '2019-03-28' },
  });
  const aCrisis = enrol(poruba, 'crisis_housing', '2019-02-01', {
    status: 'closed',
    closedOn: '2019-03-12',
    closeReason: 'moved_out',
  });
  // Vítkovice: a flat with no plan and its lease ending, a crisis stay opened and closed in
  // March with a group session (its plan due in April), and field work opened in March with
  // only a failed attempt.
  const bSocial = enrol(vitkovice, 'social_housing', addDays('2019-03-05', -social), {
    lease: { flat: 'B 2', start: '2018-12-04', end: '2019-03-15' },
  });
  const bCrisis = enrol(vitkovice, 'crisis_housing', '2019-03-04', {
    status: 'closed',
    closedOn: '2019-03-20',
    closeReason: 'goals_met',
    lease: { flat: 'K 3', start: '2019-03-04', end: '2019-03-20' },
  });
  const bField = enrol(vitkovice, 'field_work', '2019-03-02');
  const plan = aPlan(aSocial, { createdAt: '2019-03-01T10:00:00.000Z' });

  const groupA = aContact(poruba.id, aField.id, {
    enrolmentIds: [aField.id, aSocial.id],
    at: '2019-03-15T10:00:00+01:00',
    kind: 'group',
    minutes: 91,
    participantIds: [pA1.id, pA2.id],
  });
  const groupB = aContact(vitkovice.id, bCrisis.id, {
    at: '2019-03-10T10:00:00+01:00',
    kind: 'group',
    minutes: 60,
    participantIds: [pB1.id],
  });
  const groupBfixed = { ...groupB, id: randomUUID(), minutes: 75, amends: groupB.id };
  const failed = aContact(vitkovice.id, bField.id, {
    at: '2019-03-18T10:00:00+01:00',
    kind: 'failed_attempt',
  });

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    await db.query("INSERT INTO teams (id, name) VALUES ($1, 'Zkušební tým')", [team]);
    await db.transaction((tx) =>
      storeRecords(tx, team, [
        ...[poruba, vitkovice].map((record) => ({ type: 'household' as const, record })),
        ...[pA1, pA2, pB1].map((record) => ({ type: 'person' as const, record })),
        ...[aField, aSocial, aCrisis, bSocial, bCrisis, bField].map((record) => ({
          type: 'enrolment' as const,
          record,
        })),
        { type: 'plan', record: plan },
        ...[groupA, groupB, groupBfixed, failed].map((record) => ({
          type: 'contact' as const,
          record,
        })),
      ]),
    );
    app = await testApp(db);
    for (const u of ['manazer', 'vedouci']) token[u] = (await login(app, u)).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const get = (user: string, path: string, filter: string) =>
    app.inject({
      url: `/api/reports/${path}?from=2019-03-01&to=2019-03-31${filter}`,
      headers: { authorization: `Bearer ${token[user]}` },
    });
  const report = async (filter = '', user = 'manazer') => {
    const res = await get(user, 'casework', filter);
    expect(res.statusCode).toBe(200);
    return res.json() as CaseworkReport;
  };

  it('reports both districts together without a filter', async () => {
    const all = await report();
    expect(all.enrolments).toEqual([
      {
        programme: 'crisis_housing',
        opened: 1,
        closed: 2,
        reasons: { moved_out: 1, goals_met: 1 },
      },
      { programme: 'field_work', opened: 1, closed: 0, reasons: {} },
    ]);
    expect(all.leasesEnding).toEqual([
      { programme: 'crisis_housing', count: 1 },
      { programme: 'social_housing', count: 2 },
    ]);
    expect(all.plans).toEqual([
      { programme: 'crisis_housing', due: 1, onTime: 0, late: 0, missing: 1 },
      { programme: 'social_housing', due: 2, onTime: 1, late: 0, missing: 1 },
    ]);
    expect(all.compliance).toEqual([
      { programme: 'crisis_housing', met: 0, total: 6 },
      { programme: 'field_work', met: 1, total: 2 },
      { programme: 'social_housing', met: 0, total: 11 },
    ]);
    expect(all.groups).toEqual({ sessions: 2, people: 3, minutes: 91 + 75 });
  });

  it('narrows every table to the households of one district', async () => {
    expect(await report('&district=poruba')).toEqual({
      enrolments: [
        { programme: 'crisis_housing', opened: 0, closed: 1, reasons: { moved_out: 1 } },
      ],
      leasesEnding: [{ programme: 'social_housing', count: 1 }],
      plans: [
        { programme: 'crisis_housing', due: 1, onTime: 0, late: 0, missing: 1 },
        { programme: 'social_housing', due: 1, onTime: 1, late: 0, missing: 0 },
      ],
      compliance: [
        { programme: 'crisis_housing', met: 0, total: 3 },
        { programme: 'field_work', met: 1, total: 1 },
        { programme: 'social_housing', met: 0, total: 6 },
      ],
      groups: { sessions: 1, people: 2, minutes: 91 },
    });
    expect(await report('&district=vitkovice')).toEqual({
      enrolments: [
        { programme: 'crisis_housing', opened: 1, closed: 1, reasons: { goals_met: 1 } },
        { programme: 'field_work', opened: 1, closed: 0, reasons: {} },
      ],
      leasesEnding: [
        { programme: 'crisis_housing', count: 1 },
        { programme: 'social_housing', count: 1 },
      ],
      plans: [{ programme: 'social_housing', due: 1, onTime: 0, late: 0, missing: 1 }],
      compliance: [
        { programme: 'crisis_housing', met: 0, total: 3 },
        { programme: 'field_work', met: 0, total: 1 },
        { programme: 'social_housing', met: 0, total: 5 },
      ],
      groups: { sessions: 1, people: 1, minutes: 75 },
    });
    const empty = await report('&district=ostrava-jih');
    expect(empty).toEqual({
      enrolments: [],
      leasesEnding: [],
      plans: [],
      compliance: [],
      groups: { sessions: 0, people: 0, minutes: 0 },
    });
  });

  it('narrows every table to one programme, groups to its share of the minutes', async () => {
    expect(await report('&programme=field_work')).toEqual({
      enrolments: [{ programme: 'field_work', opened: 1, closed: 0, reasons: {} }],
      leasesEnding: [],
      plans: [],
      compliance: [{ programme: 'field_work', met: 1, total: 2 }],
      // The session of 91 minutes served field work and a flat: 46 + 45, the odd minute to
      // the lower enrolment id, field work's.
      groups: { sessions: 1, people: 2, minutes: 46 },
    });
    expect(await report('&programme=social_housing')).toEqual({
      enrolments: [],
      leasesEnding: [{ programme: 'social_housing', count: 2 }],
      plans: [{ programme: 'social_housing', due: 2, onTime: 1, late: 0, missing: 1 }],
      compliance: [{ programme: 'social_housing', met: 0, total: 11 }],
      groups: { sessions: 1, people: 2, minutes: 45 },
    });
    expect(await report('&programme=crisis_housing')).toEqual({
      enrolments: [
        {
          programme: 'crisis_housing',
          opened: 1,
          closed: 2,
          reasons: { moved_out: 1, goals_met: 1 },
        },
      ],
      leasesEnding: [{ programme: 'crisis_housing', count: 1 }],
      plans: [{ programme: 'crisis_housing', due: 1, onTime: 0, late: 0, missing: 1 }],
      compliance: [{ programme: 'crisis_housing', met: 0, total: 6 }],
      groups: { sessions: 1, people: 1, minutes: 75 },
    });
  });

  it('applies both filters together', async () => {
    expect(await report('&programme=social_housing&district=poruba')).toEqual({
      enrolments: [],
      leasesEnding: [{ programme: 'social_housing', count: 1 }],
      plans: [{ programme: 'social_housing', due: 1, onTime: 1, late: 0, missing: 0 }],
      compliance: [{ programme: 'social_housing', met: 0, total: 6 }],
      groups: { sessions: 1, people: 2, minutes: 45 },
    });
    const none = await report('&programme=field_work&district=vitkovice');
    expect(none.enrolments).toEqual([
      { programme: 'field_work', opened: 1, closed: 0, reasons: {} },
    ]);
    expect(none.compliance).toEqual([{ programme: 'field_work', met: 0, total: 1 }]);
    expect(none.groups).toEqual({ sessions: 0, people: 0, minutes: 0 });
  });

  it('counts group work as the indicators count the same sessions, filter for filter', async () => {
    // The only real contacts of the dataset are the group sessions.
    for (const filter of [
      '',
      '&district=poruba',
      '&district=vitkovice',
      '&programme=field_work',
      '&programme=social_housing',
      '&programme=crisis_housing&district=vitkovice',
    ]) {
      const { groups } = await report(filter);
      const res = await get('manazer', 'indicators', `&group=${filter}`);
      const [row] = (res.json() as { rows: IndicatorRow[] }).rows;
      expect([row?.contacts, row?.people, row?.minutes], filter).toEqual([
        groups.sessions,
        groups.people,
        groups.minutes,
      ]);
    }
  });

  it('refuses filter values the indicators refuse, and keeps a supervisor to the team', async () => {
    for (const filter of ['&programme=astrology', '&district=atlantis', '&programme=']) {
      expect((await get('manazer', 'casework', filter)).statusCode, filter).toBe(400);
      expect((await get('manazer', 'indicators', filter)).statusCode, filter).toBe(400);
    }
    // The supervisor leads the demo team, not this one: nothing of it, filtered or not.
    const theirs = await report('&district=poruba', 'vedouci');
    expect(theirs.enrolments).toEqual([]);
    expect(theirs.groups).toEqual({ sessions: 0, people: 0, minutes: 0 });
  });
});
