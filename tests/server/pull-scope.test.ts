import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { storeRecords } from '../../sync-server/sync/store-records';
import type { Contact } from '../../src/core';
import { aHousehold, anEnrolment } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pull, pullEverything, testApp } from './helpers/app';

describe.each(BACKENDS)('pull and scope on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['pracovnik1', 'pracovnik2', 'vedouci', 'manazer']) {
      const { body } = await login(app, u);
      tokens[u] = body.token;
      ids[u] = body.user.id;
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it("gives a worker only their own households' records", async () => {
    const { records } = await pullEverything(app, tokens.pracovnik1 as string);
    const mine = new Set(
      records
        .filter((r) => r.type === 'enrolment' && r.record.workerId === ids.pracovnik1)
        .map((r) => r.record.householdId),
    );
    expect(mine.size).toBe(15);
    for (const r of records) {
      const household = r.type === 'household' ? r.record.id : r.record.householdId;
      expect(mine.has(household as string)).toBe(true);
    }
    const other = await pullEverything(app, tokens.pracovnik2 as string);
    const otherIds = new Set(other.records.map((r) => r.record.id));
    expect(records.some((r) => otherIds.has(r.record.id))).toBe(false);
  });

  it('gives a supervisor the whole team, exactly once, across pages', async () => {
    const [{ count } = { count: 0 }] = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM records',
    );
    const { records, requests } = await pullEverything(app, tokens.vedouci as string, 97);
    expect(records).toHaveLength(Number(count));
    expect(new Set(records.map((r) => r.record.id)).size).toBe(Number(count));
    expect(requests).toBe(Math.ceil(Number(count) / 97) + (Number(count) % 97 === 0 ? 1 : 0));
  });

  it('gives a manager no client records', async () => {
    const res = await pull(app, tokens.manazer as string);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changes: [], hasMore: false });
  });

  it('never shows another team its records', async () => {
    const [otherTeam] = await db.query<{ id: string }>(
      "INSERT INTO teams (id, name) VALUES (gen_random_uuid(), 'Jiný tým') RETURNING id",
    );
    const h = aHousehold({ teamId: otherTeam?.id as string, label: 'Jiný tým domácnost' });
    await db.transaction((tx) =>
      storeRecords(tx, otherTeam?.id as string, [
        { type: 'household', record: h },
        { type: 'enrolment', record: anEnrolment(h.id, { workerId: ids.pracovnik1 as string }) },
      ]),
    );
    for (const u of ['pracovnik1', 'vedouci']) {
      const { records } = await pullEverything(app, tokens[u] as string);
      expect(records.some((r) => r.record.id === h.id)).toBe(false);
    }
  });

  it('continues from a cursor with only newer changes', async () => {
    const first = await pullEverything(app, tokens.vedouci as string);
    const [team] = await db.query<{ id: string }>(
      "SELECT team_id AS id FROM users WHERE username = 'vedouci'",
    );
    const h = aHousehold({ teamId: team?.id as string });
    await db.transaction((tx) =>
      storeRecords(tx, team?.id as string, [{ type: 'household', record: h }]),
    );
    const res = await pull(app, tokens.vedouci as string, first.cursor);
    const body = res.json() as { changes: { record: { id: string } }[]; cursor: string };
    expect(body.changes.map((c) => c.record.id)).toEqual([h.id]);
    expect(Number(body.cursor)).toBeGreaterThan(Number(first.cursor));
  });

  it('splits a first sync into recent and history parts holding every change once', async () => {
    const token = tokens.vedouci as string;
    const all = await pullEverything(app, token, 500);
    const at = (r: { record: Record<string, unknown> }) => Date.parse(r.record.at as string);
    const contacts = all.records
      .filter((r) => r.type === 'contact')
      .map(at)
      .sort();
    // A cut with demo contacts on both sides of it.
    const before = new Date(contacts[Math.floor(contacts.length / 2)] as number).toISOString();
    const cut = `&before=${encodeURIComponent(before)}`;
    const recent = await pullEverything(app, token, 500, `&part=recent${cut}`);
    expect((await pull(app, token, '0', 5, `&part=recent${cut}`)).json()).toMatchObject({
      part: 'recent',
    });
    const isOld = (r: { type: string; record: Record<string, unknown> }) =>
      r.type === 'contact' && at(r) < Date.parse(before);
    expect(recent.records.some(isOld)).toBe(false);
    expect(recent.records.some((r) => r.type === 'contact')).toBe(true);

    // Changed after the recent part ended: comes with the ordinary pull, not the history.
    const old = all.records.find(isOld)?.record as Contact;
    const [team] = await db.query<{ id: string }>(
      "SELECT team_id AS id FROM users WHERE username = 'vedouci'",
    );
    await db.transaction((tx) =>
      storeRecords(tx, team?.id as string, [
        {
          type: 'contact',
          record: { ...old, note: 'Opraveno', updatedAt: new Date().toISOString() },
        },
      ]),
    );
    const history = await pullEverything(
      app,
      token,
      500,
      `&part=history${cut}&upTo=${recent.cursor}`,
    );
    expect(history.records.every(isOld)).toBe(true);
    expect(history.records.some((r) => r.record.id === old.id)).toBe(false);
    const after = await pullEverything(app, token, 500);
    expect(after.records.find((r) => r.record.id === old.id)?.record.note).toBe('Opraveno');
    const later = await pull(app, token, recent.cursor);
    expect(
      (later.json() as { changes: { record: { id: string } }[] }).changes.map((c) => c.record.id),
    ).toContain(old.id);

    // Together: every record of the ordinary pull, none twice.
    const ids = [...recent.records, ...history.records].map((r) => r.record.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set([...ids, old.id])).toEqual(new Set(after.records.map((r) => r.record.id)));
  });

  it('refuses bad requests clearly', async () => {
    const noCut = await pull(app, tokens.vedouci as string, '0', 10, '&part=recent');
    expect(noCut.statusCode).toBe(400);
    const noEnd = `&part=history&before=${encodeURIComponent(new Date().toISOString())}`;
    expect((await pull(app, tokens.vedouci as string, '0', 10, noEnd)).statusCode).toBe(400);
    expect((await pull(app, tokens.vedouci as string, '0', 10, '&part=all')).statusCode).toBe(400);
    expect((await pull(app, tokens.vedouci as string, 'abc')).statusCode).toBe(400);
    expect((await pull(app, tokens.vedouci as string, '0', 999999)).statusCode).toBe(400);
    const noAuth = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { 'x-teren-protocol': '1' },
    });
    expect(noAuth.statusCode).toBe(401);
    const old = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { authorization: `Bearer ${tokens.vedouci}`, 'x-teren-protocol': '0' },
    });
    expect(old.statusCode).toBe(426);
    expect(old.json()).toMatchObject({ code: 'update_required' });
  });
});
