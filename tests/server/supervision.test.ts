import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, type PushMutation, type SyncIssues } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aContact, aHousehold, anEnrolment } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pullEverything, pushResults, testApp } from './helpers/app';

describe.each(BACKENDS)('resolving sync conflicts and quarantined edits on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const who: Record<string, { token: string; id: string; teamId: string }> = {};

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['pracovnik1', 'pracovnik2', 'vedouci', 'manazer']) {
      const { body } = await login(app, u);
      who[u] = { token: body.token, id: body.user.id, teamId: body.user.teamId as string };
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const m = (type: PushMutation['type'], record: object, base: object | null = null) => ({
    mutationId: newId(),
    type,
    record: record as Record<string, unknown>,
    base: base as Record<string, unknown> | null,
  });
  const push = (user: string, mutations: PushMutation[]) =>
    pushResults(app, who[user]?.token as string, mutations);
  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${who[user]?.token as string}` },
      ...(payload ? { payload } : {}),
    });
  const issues = async () =>
    (await call('vedouci', 'GET', '/api/supervision/issues')).json() as SyncIssues;
  const serverRecord = async (id: string) =>
    (
      await db.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE id = $1', [
        id,
      ])
    )[0]?.data;
  const newCase = (user: string) => {
    const h = aHousehold({ teamId: who[user]?.teamId as string, note: 'původní' });
    const e = anEnrolment(h.id, { workerId: who[user]?.id as string });
    return { h, e };
  };

  it('pages through every unresolved item with totals, however many there are', async () => {
    const { h, e } = newCase('pracovnik1');
    await push('pracovnik1', [m('household', h), m('enrolment', e)]);
    await db.query(
      `INSERT INTO sync_conflicts (record_id, record_type, team_id, field, losing_value, winning_value, user_id, device_id)
       SELECT $1, 'household', $2, 'note', to_jsonb('ztraceno ' || n), '"platí"'::jsonb, $3, $4
         FROM generate_series(1, 7) n`,
      [h.id, who.vedouci?.teamId, who.pracovnik1?.id, newId()],
    );
    const first = await issues();
    const total = first.totals?.conflicts ?? 0;
    expect(total).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    let after = '0';
    for (let pages = 0; pages < 50; pages++) {
      const res = await call(
        'vedouci',
        'GET',
        `/api/supervision/issues?limit=3&conflictsAfter=${after}`,
      );
      const page = res.json() as SyncIssues;
      expect(page.conflicts.length).toBeLessThanOrEqual(3);
      expect(page.totals?.conflicts).toBe(total);
      if (page.conflicts.length === 0) break;
      seen.push(...page.conflicts.map((c) => c.id));
      after = page.conflicts.at(-1)?.id ?? after;
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);
    for (const bad of ['limit=0', 'limit=201', 'conflictsAfter=-1', 'quarantineAfter=x'])
      expect((await call('vedouci', 'GET', `/api/supervision/issues?${bad}`)).statusCode).toBe(400);
  });

  it('lists a losing value beside the current one, and puts it back when asked', async () => {
    const { h, e } = newCase('pracovnik1');
    await push('pracovnik1', [m('household', h), m('enrolment', e)]);
    await push('vedouci', [m('household', { ...h, note: 'vedoucí' }, h)]);
    await push('pracovnik1', [m('household', { ...h, note: 'pracovník' }, h)]);
    const conflict = (await issues()).conflicts.find((c) => c.recordId === h.id);
    expect(conflict).toMatchObject({
      field: 'note',
      losing: 'vedoucí',
      current: 'pracovník',
      householdId: h.id,
      recordType: 'household',
    });
    const { cursor } = await pullEverything(app, who.pracovnik1?.token as string);
    const res = await call(
      'vedouci',
      'POST',
      `/api/supervision/conflicts/${conflict?.id as string}/resolve`,
      { action: 'restore' },
    );
    expect(res.statusCode).toBe(200);
    expect(await serverRecord(h.id)).toMatchObject({ note: 'vedoucí' });
    // The decision reaches the worker's device, and the conflict leaves the list.
    const after = await pullEverything(app, who.pracovnik1?.token as string);
    expect(Number(after.cursor)).toBeGreaterThan(Number(cursor));
    expect(after.records.find((r) => r.record.id === h.id)?.record).toMatchObject({
      note: 'vedoucí',
    });
    expect((await issues()).conflicts.some((c) => c.id === conflict?.id)).toBe(false);
    const again = await call(
      'vedouci',
      'POST',
      `/api/supervision/conflicts/${conflict?.id as string}/resolve`,
      { action: 'keep' },
    );
    expect(again.statusCode).toBe(404);
    const log = await db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_id = $1 AND action = 'resolve'",
      [h.id],
    );
    expect(log).toHaveLength(1);
  });

  it('applies or discards an edit made to a case its author no longer had', async () => {
    const { h, e } = newCase('pracovnik2');
    await push('pracovnik2', [m('household', h), m('enrolment', e)]);
    const late = aContact(h.id, e.id, { workerId: who.pracovnik1?.id as string });
    const other = aContact(h.id, e.id, { workerId: who.pracovnik1?.id as string, minutes: 45 });
    expect(
      (await push('pracovnik1', [m('contact', late), m('contact', other)])).map((r) => r.code),
    ).toEqual(['quarantined', 'quarantined']);
    const list = (await issues()).quarantine.filter((q) => q.householdId === h.id);
    expect(list.map((q) => q.record.id)).toEqual([late.id, other.id]);
    const [applyIt, dropIt] = list;
    expect(
      (
        await call(
          'vedouci',
          'POST',
          `/api/supervision/quarantine/${applyIt?.id as string}/resolve`,
          { action: 'apply' },
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call(
          'vedouci',
          'POST',
          `/api/supervision/quarantine/${dropIt?.id as string}/resolve`,
          { action: 'discard' },
        )
      ).statusCode,
    ).toBe(200);
    expect(await serverRecord(late.id)).toMatchObject({ minutes: 30 });
    expect(await serverRecord(other.id)).toBeUndefined();
    expect((await issues()).quarantine.some((q) => q.householdId === h.id)).toBe(false);
  });

  it('is for the team supervisor only, and refuses a bad request', async () => {
    expect((await call('pracovnik1', 'GET', '/api/supervision/issues')).statusCode).toBe(403);
    expect((await call('manazer', 'GET', '/api/supervision/issues')).statusCode).toBe(403);
    expect(
      (await call('vedouci', 'POST', '/api/supervision/conflicts/1/resolve', { action: 'drop' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call('vedouci', 'POST', '/api/supervision/conflicts/abc/resolve', { action: 'keep' }))
        .statusCode,
    ).toBe(404);
  });
});
