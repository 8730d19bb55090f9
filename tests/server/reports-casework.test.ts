import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addDays, DEFAULT_RULES, type CaseworkReport, type Enrolment } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { storeRecords } from '../../sync-server/sync/store-records';
import { aContact, aHousehold, anEnrolment, aPerson, aPlan } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, testApp } from './helpers/app';

describe.each(BACKENDS)('casework report on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  // A known dataset in a team of its own, in March 2019: years before any demo data.
  const team = randomUUID();
  const h = aHousehold({ teamId: team });
  const [p1, p2] = [aPerson(h.id), aPerson(h.id)];
  const social = DEFAULT_RULES.social_housing.planWithinDays as number;
  const enrol = (programme: Enrolment['programme'], startDate: string, over = {}) =>
    anEnrolment(h.id, { programme, startDate, ...over });
  const onTime = enrol('social_housing', addDays('2019-03-10', -social), {
    lease: { flat: 'B 2', start: '2018-12-09', end: '2019-03-28' },
  });
  const late = enrol('social_housing', addDays('2019-03-20', -social));
  const missing = enrol('social_housing', addDays('2019-03-05', -social));
  const movedOut = enrol('crisis_housing', '2019-02-01', {
    status: 'closed',
    closedOn: '2019-03-12',
    closeReason: 'moved_out',
  });
  const goalsMet = enrol('crisis_housing', '2019-03-04', {
    status: 'closed',
    closedOn: '2019-03-20',
    closeReason: 'goals_met',
  });
  const fieldMet = enrol('field_work', '2019-01-01');
  const fieldMissed = enrol('field_work', '2019-03-02');
  const plans = [
    aPlan(onTime, { createdAt: '2019-03-01T10:00:00.000Z' }),
    aPlan(late, { createdAt: '2019-03-25T10:00:00.000Z' }),
    aPlan(late, { revision: 2, createdAt: '2019-04-02T10:00:00.000Z' }),
  ];
  const contact = (e: Enrolment, at: string, over = {}) =>
    aContact(h.id, e.id, { at, participantIds: [p1.id], ...over });
  const group1 = contact(fieldMet, '2019-03-15T10:00:00+01:00', {
    kind: 'group',
    minutes: 90,
    participantIds: [p1.id, p2.id],
  });
  const group2 = contact(fieldMet, '2019-03-22T10:00:00+01:00', { kind: 'group', minutes: 60 });
  const group2fixed = { ...group2, id: randomUUID(), minutes: 75, amends: group2.id };
  const failed = contact(fieldMissed, '2019-03-18T10:00:00+01:00', { kind: 'failed_attempt' });

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    await db.query("INSERT INTO teams (id, name) VALUES ($1, 'Zkušební tým')", [team]);
    await db.transaction((tx) =>
      storeRecords(tx, team, [
        { type: 'household', record: h },
        { type: 'person', record: p1 },
        { type: 'person', record: p2 },
        ...[onTime, late, missing, movedOut, goalsMet, fieldMet, fieldMissed].map((e) => ({
          type: 'enrolment' as const,
          record: e,
        })),
        ...plans.map((p) => ({ type: 'plan' as const, record: p })),
        ...[group1, group2, group2fixed, failed].map((c) => ({
          type: 'contact' as const,
          record: c,
        })),
      ]),
    );
    app = await testApp(db);
    for (const u of ['manazer', 'pracovnik1']) token[u] = (await login(app, u)).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const report = async (user: string, from = '2019-03-01', to = '2019-03-31') => {
    const res = await app.inject({
      url: `/api/reports/casework?from=${from}&to=${to}`,
      headers: { authorization: `Bearer ${token[user]}` },
    });
    return { status: res.statusCode, body: res.json() as CaseworkReport };
  };

  it('counts enrolments opened and closed by reason, and leases ending', async () => {
    const { body } = await report('manazer');
    expect(body.enrolments).toEqual([
      {
        programme: 'crisis_housing',
        opened: 1,
        closed: 2,
        reasons: { moved_out: 1, goals_met: 1 },
      },
      { programme: 'field_work', opened: 1, closed: 0, reasons: {} },
    ]);
    expect(body.leasesEnding).toEqual([{ programme: 'social_housing', count: 1 }]);
  });

  it('judges plans by their first revision against the programme deadline', async () => {
    const { body } = await report('manazer');
    expect(body.plans).toEqual([
      { programme: 'crisis_housing', due: 1, onTime: 0, late: 0, missing: 1 },
      { programme: 'social_housing', due: 3, onTime: 1, late: 1, missing: 1 },
    ]);
  });

  it('measures rule compliance with the agenda engine; a failed attempt does not count', async () => {
    const { body } = await report('manazer');
    expect(body.compliance.find((c) => c.programme === 'field_work')).toEqual({
      programme: 'field_work',
      met: 1,
      total: 2,
    });
    const housing = body.compliance.find((c) => c.programme === 'social_housing');
    expect(housing?.met).toBe(0);
    expect(housing?.total).toBeGreaterThan(0);
  });

  it('counts group activities once each, corrections replacing their original', async () => {
    const { body } = await report('manazer');
    expect(body.groups).toEqual({ sessions: 2, people: 2, minutes: 90 + 75 });
  });

  it('is empty for a quiet period, for managers and supervisors only', async () => {
    const quiet = await report('manazer', '2018-06-01', '2018-06-30');
    expect(quiet.body.enrolments).toEqual([]);
    expect(quiet.body.groups).toEqual({ sessions: 0, people: 0, minutes: 0 });
    expect((await report('pracovnik1')).status).toBe(403);
    expect((await report('manazer', '2019-04-01', '2019-03-01')).status).toBe(400);
  });
});
