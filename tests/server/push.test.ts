import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  encodeHlc,
  newId,
  PROTOCOL_HEADER,
  type PushMutation,
  type PushResult,
} from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aContact, aHousehold, anEnrolment, aPerson } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pullEverything, pushAs, pushResults, testApp } from './helpers/app';

describe.each(BACKENDS)('push on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const who: Record<string, { token: string; id: string; teamId: string }> = {};

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['pracovnik1', 'pracovnik2', 'vedouci']) {
      const { body } = await login(app, u);
      who[u] = { token: body.token, id: body.user.id, teamId: body.user.teamId as string };
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const push = (user: string, mutations: PushMutation[]) =>
    pushAs(app, who[user]?.token as string, mutations);
  const m = (
    type: PushMutation['type'],
    record: object,
    base: object | null = null,
  ): PushMutation => ({
    mutationId: newId(),
    type,
    record: record as Record<string, unknown>,
    base: base as Record<string, unknown> | null,
  });
  const results = async (res: Awaited<ReturnType<typeof push>>) => {
    expect(res.statusCode).toBe(200);
    return (res.json() as { results: PushResult[] }).results;
  };
  const serverRecord = async (id: string) =>
    (
      await db.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE id = $1', [
        id,
      ])
    )[0]?.data;

  /** A household registered and enrolled by a worker, as the app sends it. */
  const newCase = (user = 'pracovnik1') => {
    const h = aHousehold({ teamId: who[user]?.teamId as string, label: 'Nová' });
    const p = aPerson(h.id);
    const e = anEnrolment(h.id, {
      workerId: who[user]?.id as string,
      lease: { flat: 'A 1', start: '2026-01-05', end: null },
    });
    return { h, p, e };
  };

  it("applies a worker's new household, person, enrolment and contact in one batch", async () => {
    const { h, p, e } = newCase();
    const c = aContact(h.id, e.id, { workerId: who.pracovnik1?.id as string });
    const batch = [m('household', h), m('person', p), m('enrolment', e), m('contact', c)];
    expect((await results(await push('pracovnik1', batch))).map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    expect(await serverRecord(c.id)).toMatchObject({ id: c.id, minutes: 30 });
    const { records } = await pullEverything(app, who.pracovnik1?.token as string);
    expect(records.map((r) => r.record.id)).toEqual(
      expect.arrayContaining([h.id, p.id, e.id, c.id]),
    );
  });

  it('applies a retried mutation once and returns the stored result', async () => {
    const { h } = newCase();
    const mutation = m('household', h);
    const first = await results(await push('pracovnik1', [mutation]));
    const before = await db.query<{ seq: number }>('SELECT seq FROM records WHERE id = $1', [h.id]);
    const again = await results(await push('pracovnik1', [mutation]));
    expect(again).toEqual(first);
    expect(await db.query('SELECT seq FROM records WHERE id = $1', [h.id])).toEqual(before);
    const changed = await results(
      await push('pracovnik1', [{ ...mutation, record: { ...h, label: 'Jiná' } }]),
    );
    expect(changed[0]).toMatchObject({ status: 'rejected', code: 'payload_mismatch' });
    expect(await serverRecord(h.id)).toMatchObject({ label: 'Nová' });
  });

  it('rejects a bad mutation on its own and applies the rest', async () => {
    const { h } = newCase();
    const bad = m('person', { id: newId(), householdId: h.id, firstName: '' });
    const res = await results(await push('pracovnik1', [bad, m('household', h)]));
    expect(res.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
  });

  it('refuses writes outside the worker\u2019s scope and changes of ownership', async () => {
    const theirs = newCase('pracovnik2');
    await push('pracovnik2', [m('household', theirs.h), m('enrolment', theirs.e)]);
    const intrude = m('contact', aContact(theirs.h.id, theirs.e.id));
    const otherTeam = m('household', aHousehold({ teamId: randomUUID() }));
    const steal = m('enrolment', { ...theirs.e, workerId: who.pracovnik1?.id }, theirs.e);
    const res = await results(await push('pracovnik1', [intrude, otherTeam, steal]));
    // Another worker's case: kept aside for the supervisor; another team or a reassignment: refused.
    expect(res.map((r) => r.code)).toEqual(['quarantined', 'forbidden', 'forbidden']);
    expect(await serverRecord(theirs.e.id)).toMatchObject({ workerId: who.pracovnik2?.id });
    // A supervisor may reassign.
    const reassign = await results(
      await push('vedouci', [
        m('enrolment', { ...theirs.e, workerId: who.pracovnik1?.id }, theirs.e),
      ]),
    );
    expect(reassign[0]?.status).toBe('applied');
  });

  it('keeps contacts append-only', async () => {
    const { h, e } = newCase();
    const c = aContact(h.id, e.id, { workerId: who.pracovnik1?.id as string });
    await push('pracovnik1', [m('household', h), m('enrolment', e), m('contact', c)]);
    const rewrite = await results(await push('pracovnik1', [m('contact', { ...c, minutes: 300 })]));
    expect(rewrite[0]).toMatchObject({ status: 'rejected', code: 'immutable' });
    const resend = await results(await push('pracovnik1', [m('contact', c)]));
    expect(resend[0]?.status).toBe('applied');
    expect(await serverRecord(c.id)).toMatchObject({ minutes: 30 });
  });

  it('merges concurrent edits of different fields and logs the loser of the same field', async () => {
    const { h, e } = newCase();
    await push('pracovnik1', [m('household', h), m('enrolment', e)]);
    const workerEdit = { ...h, street: 'Nová ulice 1', note: 'pracovník' };
    const supervisorEdit = { ...h, phone: '+420 777 111 222', note: 'vedoucí' };
    await push('vedouci', [m('household', supervisorEdit, h)]);
    const res = await results(await push('pracovnik1', [m('household', workerEdit, h)]));
    expect(res[0]).toMatchObject({ status: 'applied', conflicts: ['note'] });
    expect(await serverRecord(h.id)).toMatchObject({
      street: 'Nová ulice 1',
      phone: '+420 777 111 222',
      note: 'pracovník',
    });
    const log = await db.query<{ field: string; losing_value: unknown }>(
      'SELECT field, losing_value FROM sync_conflicts WHERE record_id = $1',
      [h.id],
    );
    expect(log).toEqual([{ field: 'note', losing_value: 'vedoucí' }]);
  });

  it('keeps fields this server version does not know', async () => {
    const { h } = newCase();
    await push('pracovnik1', [m('household', { ...h, fromNewerApp: { x: 1 } })]);
    expect(await serverRecord(h.id)).toMatchObject({ fromNewerApp: { x: 1 } });
  });

  it('refuses malformed batches whole with a clear 4xx', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${who.pracovnik1?.token}`, [PROTOCOL_HEADER]: '1' },
      payload: { mutations: [{ mutationId: 'x' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_request' });
  });
});

describe.each(BACKENDS)('edits ordered by when they were made, on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const who: Record<string, { token: string; teamId: string }> = {};
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['vedouci', 'pracovnik1']) {
      const { body } = await login(app, u);
      who[u] = { token: body.token, teamId: body.user.teamId as string };
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });
  const push = (user: string, mutations: PushMutation[]) =>
    pushResults(app, who[user]?.token as string, mutations);
  const edit = (record: object, base: object, hlc: string): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: record as Record<string, unknown>,
    base: base as Record<string, unknown>,
    hlc,
  });
  const at = (msAgo: number, node: string) => encodeHlc(Date.now() - msAgo, 0, node);

  it('keeps the later edit when an earlier one arrives after it, and logs the earlier', async () => {
    const h = aHousehold({ teamId: who.vedouci?.teamId as string, note: '' });
    await push('vedouci', [
      { mutationId: newId(), type: 'household', record: h, base: null, hlc: at(60_000, 'a') },
    ]);
    // The worker wrote offline an hour ago; the supervisor wrote a minute ago, online.
    expect(
      (
        await push('vedouci', [edit({ ...h, note: 'vedoucí, před minutou' }, h, at(60_000, 'sup'))])
      )[0]?.status,
    ).toBe('applied');
    const late = await push('vedouci', [
      edit({ ...h, note: 'pracovník, před hodinou' }, h, at(3_600_000, 'wrk')),
    ]);
    expect(late[0]).toMatchObject({ status: 'applied', conflicts: ['note'] });
    const [row] = await db.query<{ data: { note: string } }>(
      'SELECT data FROM records WHERE id = $1',
      [h.id],
    );
    expect(row?.data.note).toBe('vedoucí, před minutou');
    const log = await db.query<{ losing_value: string; winning_value: string }>(
      'SELECT losing_value, winning_value FROM sync_conflicts WHERE record_id = $1 ORDER BY id',
      [h.id],
    );
    expect(log.at(-1)).toEqual({
      losing_value: 'pracovník, před hodinou',
      winning_value: 'vedoucí, před minutou',
    });
  });

  it('does not let a clock set weeks ahead win every conflict from then on', async () => {
    const h = aHousehold({ teamId: who.vedouci?.teamId as string, phone: '' });
    await push('vedouci', [
      { mutationId: newId(), type: 'household', record: h, base: null, hlc: at(60_000, 'a') },
    ]);
    const future = encodeHlc(Date.now() + 30 * 86_400_000, 0, 'broken');
    await push('vedouci', [edit({ ...h, phone: '+420 600 000 001' }, h, future)]);
    // A real edit a few minutes later wins: the future time was pulled back to the server's.
    await new Promise((r) => setTimeout(r, 5));
    await push('vedouci', [
      edit(
        { ...h, phone: '+420 600 000 002' },
        { ...h, phone: '+420 600 000 001' },
        encodeHlc(Date.now() + 1000, 0, 'ok'),
      ),
    ]);
    const [row] = await db.query<{ data: { phone: string } }>(
      'SELECT data FROM records WHERE id = $1',
      [h.id],
    );
    expect(row?.data.phone).toBe('+420 600 000 002');
  });
});
