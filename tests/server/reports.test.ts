import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { splitMinutes, type IndicatorRow } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { storeRecords } from '../../sync-server/sync/store-records';
import { aContact, aHousehold, anEnrolment, aPerson } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, testApp } from './helpers/app';

describe.each(BACKENDS)('indicator report on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  // A known dataset in a team of its own, a year ahead of the demo data.
  const team = randomUUID();
  const w1 = randomUUID();
  const w2 = randomUUID();
  const h1 = aHousehold({ teamId: team, district: 'poruba' });
  const h2 = aHousehold({ teamId: team, district: 'vitkovice' });
  const [p1, p2, p3] = [aPerson(h1.id), aPerson(h1.id), aPerson(h2.id)];
  const e1 = anEnrolment(h1.id, { programme: 'social_housing', workerId: w1 });
  const e2 = anEnrolment(h1.id, { programme: 'family_prevention', workerId: w1 });
  const e3 = anEnrolment(h2.id, { programme: 'field_work', workerId: w2 });
  const visit = (
    h: typeof h1,
    enrolments: string[],
    people: string[],
    minutes: number,
    at: string,
    kind = 'home_visit' as const,
  ) =>
    aContact(h.id, enrolments[0] as string, {
      enrolmentIds: enrolments,
      participantIds: people,
      minutes,
      at,
      kind,
      workerId: w1,
    });
  const c1 = visit(h1, [e1.id, e2.id], [p1.id, p2.id], 45, '2027-11-03T10:00:00+01:00');
  const c2 = visit(h1, [e1.id], [p1.id], 30, '2027-11-10T10:00:00+01:00');
  const failed = {
    ...visit(h1, [e1.id], [], 10, '2027-11-11T10:00:00+01:00'),
    kind: 'failed_attempt' as const,
  };
  const c4 = visit(h2, [e3.id], [p3.id], 60, '2027-12-01T09:00:00+01:00');
  const c5 = visit(h2, [e3.id], [p3.id], 20, '2027-11-20T09:00:00+01:00');
  const c5b = { ...c5, id: randomUUID(), minutes: 25, amends: c5.id };
  // Logged and taken back at once (the quick sheet's undo): counts for nothing.
  const undone = visit(h2, [e3.id], [p3.id], 40, '2027-11-21T09:00:00+01:00');
  const undoneBack = { ...undone, id: randomUUID(), amends: undone.id, deleted: true };
  const lateOctober = visit(h2, [e3.id], [p3.id], 99, '2027-10-31T23:30:00+01:00');
  const lateNovember = visit(h2, [e3.id], [p3.id], 15, '2027-11-30T23:30:00+01:00');

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    await db.query("INSERT INTO teams (id, name) VALUES ($1, 'Zkušební tým')", [team]);
    await db.transaction((tx) =>
      storeRecords(tx, team, [
        { type: 'household', record: h1 },
        { type: 'household', record: h2 },
        ...[p1, p2, p3].map((p) => ({ type: 'person' as const, record: p! })),
        ...[e1, e2, e3].map((e) => ({ type: 'enrolment' as const, record: e })),
        ...[c1, c2, failed, c4, c5, c5b, undone, undoneBack, lateOctober, lateNovember].map(
          (c) => ({
            type: 'contact' as const,
            record: c,
          }),
        ),
      ]),
    );
    app = await testApp(db);
    for (const u of ['manazer', 'vedouci', 'pracovnik1'])
      token[u] = (await login(app, u)).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const report = async (
    user: string,
    group: string,
    from = '2027-11-01',
    to = '2027-12-31',
    filter = '',
  ) => {
    const res = await app.inject({
      url: `/api/reports/indicators?from=${from}&to=${to}&group=${group}${filter}`,
      headers: { authorization: `Bearer ${token[user]}` },
    });
    return { status: res.statusCode, rows: (res.json() as { rows: IndicatorRow[] }).rows };
  };

  it('counts people, real contacts and minutes by month, in Prague time', async () => {
    const { rows } = await report('manazer', 'month');
    expect(rows).toEqual([
      { month: '2027-11', people: 3, contacts: 4, minutes: 45 + 30 + 25 + 15 },
      { month: '2027-12', people: 1, contacts: 1, minutes: 60 },
    ]);
  });

  it('splits a household visit\u2019s minutes across the programmes it served', async () => {
    const split = splitMinutes(45, [e1.id, e2.id]);
    const { rows } = await report('manazer', 'programme');
    expect(rows).toEqual([
      { programme: 'family_prevention', people: 2, contacts: 1, minutes: split.get(e2.id) },
      { programme: 'field_work', people: 1, contacts: 3, minutes: 60 + 25 + 15 },
      {
        programme: 'social_housing',
        people: 2,
        contacts: 2,
        minutes: (split.get(e1.id) ?? 0) + 30,
      },
    ]);
    const total = await report('manazer', '');
    expect(total.rows).toEqual([{ people: 3, contacts: 5, minutes: 175 }]);
  });

  it('breaks down by district and worker', async () => {
    const { rows } = await report('manazer', 'district');
    expect(rows.map((r) => [r.district, r.contacts, r.minutes])).toEqual([
      ['poruba', 2, 75],
      ['vitkovice', 3, 100],
    ]);
    const byWorker = await report('manazer', 'worker');
    expect(byWorker.rows).toEqual([{ workerId: w1, people: 3, contacts: 5, minutes: 175 }]);
  });

  it('filters to one programme\u2019s share of the work, or one district', async () => {
    const split = splitMinutes(45, [e1.id, e2.id]);
    const social = await report(
      'manazer',
      'month',
      undefined,
      undefined,
      '&programme=social_housing',
    );
    expect(social.rows).toEqual([
      { month: '2027-11', people: 2, contacts: 2, minutes: (split.get(e1.id) ?? 0) + 30 },
    ]);
    const vitkovice = await report('manazer', '', undefined, undefined, '&district=vitkovice');
    expect(vitkovice.rows).toEqual([{ people: 1, contacts: 3, minutes: 100 }]);
    expect((await report('manazer', '', undefined, undefined, '&district=atlantis')).status).toBe(
      400,
    );
  });

  it('shows a supervisor only their team, and no worker any report', async () => {
    const theirs = await report('vedouci', 'month');
    expect(theirs.status).toBe(200);
    expect(theirs.rows).toEqual([]);
    expect((await report('pracovnik1', 'month')).status).toBe(403);
    expect((await report('manazer', 'month', '2027-12-31', '2027-11-01')).status).toBe(400);
    expect((await report('manazer', 'colour')).status).toBe(400);
  });

  it('logs each report as an export', async () => {
    const rows = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'export'",
    );
    expect(Number(rows[0]?.n)).toBeGreaterThan(0);
  });
});
