import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  ANONYMISED,
  type AnonymiseResult,
  type IndicatorRow,
  type PseudonymisedExport,
  type RetentionList,
  type SubjectExport,
} from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { storeRecords } from '../../sync-server/sync/store-records';
import { aContact, aHousehold, anEnrolment, aPerson, aPlan } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, testApp } from './helpers/app';

describe.each(BACKENDS)('GDPR helpers on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  const team = randomUUID();
  const closed = { status: 'closed' as const, closeReason: 'goals_met' as const };
  // Closed in 2009 and 2010: ten years later both are due.
  const old = aHousehold({ teamId: team, label: 'Zkušební Starý', street: 'Tajná 7' });
  const oldPerson = aPerson(old.id, { firstName: 'Zdeňka', lastName: 'Zkušební', birthYear: 1987 });
  const oldA = anEnrolment(old.id, { ...closed, startDate: '2008-03-01', closedOn: '2009-05-01' });
  const oldB = anEnrolment(old.id, { ...closed, startDate: '2008-03-01', closedOn: '2010-01-15' });
  const oldContact = aContact(old.id, oldA.id, {
    at: '2009-04-10T10:00:00+02:00',
    participantIds: [oldPerson.id],
    note: 'Tajná poznámka o zdraví',
    minutes: 50,
  });
  const oldPlan = aPlan(oldA);
  // Closed last year: kept.
  const recent = aHousehold({ teamId: team, label: 'Zkušební Nový' });
  const recentPerson = aPerson(recent.id, { firstName: 'Radim' });
  const recentE = anEnrolment(recent.id, {
    ...closed,
    startDate: '2024-01-01',
    closedOn: '2025-06-01',
  });
  const recentContact = aContact(recent.id, recentE.id, {
    at: '2025-05-05T10:00:00+02:00',
    participantIds: [recentPerson.id],
  });
  // One enrolment still open: never due.
  const open = aHousehold({ teamId: team });
  const openA = anEnrolment(open.id, {
    ...closed,
    startDate: '2008-01-01',
    closedOn: '2009-01-01',
  });
  const openB = anEnrolment(open.id, { startDate: '2008-01-01' });

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    await db.query("INSERT INTO teams (id, name) VALUES ($1, 'Zkušební tým')", [team]);
    await db.transaction((tx) =>
      storeRecords(tx, team, [
        ...[old, recent, open].map((record) => ({ type: 'household' as const, record })),
        ...[oldPerson, recentPerson].map((record) => ({ type: 'person' as const, record })),
        ...[oldA, oldB, recentE, openA, openB].map((record) => ({
          type: 'enrolment' as const,
          record,
        })),
        ...[oldContact, recentContact].map((record) => ({ type: 'contact' as const, record })),
        { type: 'plan', record: oldPlan },
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

  const get = (user: string, url: string) =>
    app.inject({ url, headers: { authorization: `Bearer ${token[user]}` } });
  const post = (user: string, url: string, payload: object) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${token[user]}` },
    });
  const mine = (list: RetentionList) =>
    list.cases.filter((c) => [old.id, recent.id, open.id].includes(c.householdId));

  it('lists closed cases past their retention date, with the date', async () => {
    const res = await get('manazer', '/api/gdpr/retention');
    expect(res.statusCode).toBe(200);
    const list = res.json() as RetentionList;
    expect(list.retentionYears).toBe(10);
    expect(mine(list)).toEqual([
      {
        householdId: old.id,
        label: 'Zkušební Starý',
        district: old.district,
        programmes: [oldA.programme],
        closedOn: '2010-01-15',
        retainUntil: '2020-01-15',
      },
    ]);
    expect((await get('vedouci', '/api/gdpr/retention')).statusCode).toBe(403);
    expect((await get('pracovnik1', '/api/gdpr/retention')).statusCode).toBe(403);
  });

  it('exports one household’s data for a subject-access request, and logs it', async () => {
    const res = await get('manazer', `/api/gdpr/subject/${recent.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as SubjectExport;
    expect(body.household).toMatchObject({ label: 'Zkušební Nový' });
    expect(body.people.map((p) => p.firstName)).toEqual(['Radim']);
    expect(body.contacts.map((c) => c.id)).toEqual([recentContact.id]);
    const again = (await get('manazer', `/api/gdpr/subject/${recent.id}`)).json() as SubjectExport;
    expect(again.accessLog.some((a) => a.action === 'export')).toBe(true);
    // Another team's supervisor and any worker are refused.
    expect((await get('vedouci', `/api/gdpr/subject/${recent.id}`)).statusCode).toBe(403);
    expect((await get('pracovnik1', `/api/gdpr/subject/${recent.id}`)).statusCode).toBe(403);
    expect((await get('manazer', `/api/gdpr/subject/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('gives evaluators stable pseudonyms and nothing that names anyone', async () => {
    const url = '/api/exports/pseudonymised?from=2009-01-01&to=2009-12-31';
    const first = await get('manazer', url);
    expect(first.statusCode).toBe(200);
    const a = first.json() as PseudonymisedExport;
    const b = (await get('manazer', url)).json() as PseudonymisedExport;
    const text = first.body;
    for (const secret of ['Zdeňka', 'Zkušební', 'Tajná', old.id, oldPerson.id, oldContact.id])
      expect(text).not.toContain(secret);
    const contact = a.contacts.find((c) => c.minutes === 50 && c.date === '2009-04-10');
    const person = a.people.find((p) => p.household === contact?.household);
    expect(person).toMatchObject({ ageBand: '18-25', relation: oldPerson.relation });
    expect(contact?.participants).toEqual([person?.person]);
    expect(b.people).toEqual(a.people);
    expect(b.contacts).toEqual(a.contacts);
    expect((await get('vedouci', url)).statusCode).toBe(403);
  });

  it('anonymises an approved due case, keeps what indicators need, and skips the rest', async () => {
    const indicators = async () =>
      (
        (
          await get('manazer', '/api/reports/indicators?from=2009-01-01&to=2009-12-31&group=')
        ).json() as { rows: IndicatorRow[] }
      ).rows;
    const before = await indicators();
    // What sync logged of the household: a lost concurrent value and an edit held back.
    const [worker] = await db.query<{ id: string }>(
      "SELECT id FROM users WHERE username = 'pracovnik1'",
    );
    const device = randomUUID();
    await db.query(
      `INSERT INTO sync_conflicts (record_id, record_type, team_id, field, losing_value, winning_value, user_id, device_id)
       VALUES ($1, 'person', $2, 'lastName', '"Zkušební-Ztracená"', '"Zkušební"', $3, $4)`,
      [oldPerson.id, team, worker?.id, device],
    );
    await db.query(
      `INSERT INTO sync_quarantine (team_id, household_id, record_type, record, user_id, device_id)
       VALUES ($1, $2, 'contact', $3, $4, $5)`,
      [
        team,
        old.id,
        JSON.stringify({ ...oldContact, note: 'Zadržená poznámka' }),
        worker?.id,
        device,
      ],
    );
    const res = await post('manazer', '/api/gdpr/anonymise', { householdIds: [old.id, recent.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      anonymised: [old.id],
      skipped: [recent.id],
    } satisfies AnonymiseResult);
    const stored = async (id: string) =>
      (
        await db.query<{ data: Record<string, unknown> }>(
          'SELECT data FROM records WHERE id = $1',
          [id],
        )
      )[0]?.data;
    expect(await stored(old.id)).toMatchObject({
      label: ANONYMISED,
      street: '',
      district: old.district,
    });
    expect(await stored(oldPerson.id)).toMatchObject({
      firstName: ANONYMISED,
      lastName: ANONYMISED,
      birthYear: 1980,
    });
    expect(await stored(oldContact.id)).toMatchObject({
      note: '',
      minutes: 50,
      kind: 'home_visit',
    });
    expect(await stored(recent.id)).toMatchObject({ label: 'Zkušební Nový' });
    const logged = JSON.stringify([
      await db.query(
        'SELECT losing_value, winning_value FROM sync_conflicts WHERE record_id = $1',
        [oldPerson.id],
      ),
      await db.query('SELECT record FROM sync_quarantine WHERE household_id = $1', [old.id]),
    ]);
    expect(logged).not.toMatch(/Ztracená|Zadržená|Zkušební/);
    expect(await indicators()).toEqual(before);
    const list = (await get('manazer', '/api/gdpr/retention')).json() as RetentionList;
    expect(mine(list)).toEqual([]);
    const again = await post('manazer', '/api/gdpr/anonymise', { householdIds: [old.id] });
    expect(again.json()).toEqual({ anonymised: [], skipped: [old.id] });
    const log = await db.query(
      "SELECT 1 FROM audit_log WHERE action = 'anonymise' AND record_id = $1",
      [old.id],
    );
    expect(log).toHaveLength(1);
    expect(
      (await post('vedouci', '/api/gdpr/anonymise', { householdIds: [recent.id] })).statusCode,
    ).toBe(403);
    expect((await post('manazer', '/api/gdpr/anonymise', { householdIds: [] })).statusCode).toBe(
      400,
    );
  });
});
