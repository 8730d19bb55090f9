import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, PROTOCOL_HEADER, type Plan, type PlanReview } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';
import { login, pullEverything, pushResults, testApp } from './helpers/app';

describe.each(BACKENDS)('plan comments and sign-off on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  let plan: Plan;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['pracovnik1', 'vedouci']) {
      const { body } = await login(app, u);
      token[u] = body.token;
      userId[u] = body.user.id;
    }
    const [row] = await db.query<{ data: Plan }>(
      `SELECT p.data FROM records p JOIN records e ON e.id = (p.data ->> 'enrolmentId')::uuid
         JOIN users u ON u.id = (e.data ->> 'workerId')::uuid AND u.username = 'pracovnik1'
        WHERE p.type = 'plan' ORDER BY p.id LIMIT 1`,
    );
    plan = row?.data as Plan;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const review = (author: string, over: Partial<PlanReview> = {}): PlanReview => {
    const now = new Date().toISOString();
    return {
      id: newId(),
      createdAt: now,
      updatedAt: now,
      deleted: false,
      householdId: plan.householdId,
      enrolmentId: plan.enrolmentId,
      planId: plan.id,
      authorId: userId[author] as string,
      text: 'Prosím doplnit termín u kroku 2.',
      signedOff: false,
      ...over,
    };
  };
  const push = (user: string, r: PlanReview) =>
    pushResults(app, token[user] as string, [
      { mutationId: newId(), type: 'planReview', record: r, base: null },
    ]);

  it('stores a supervisor sign-off and a worker comment, both reach the worker', async () => {
    const signOff = review('vedouci', { signedOff: true, text: '' });
    const comment = review('pracovnik1', { text: 'Termín doplněn.' });
    expect((await push('vedouci', signOff))[0]?.status).toBe('applied');
    expect((await push('pracovnik1', comment))[0]?.status).toBe('applied');
    const { records } = await pullEverything(app, token.pracovnik1 as string);
    const ids = records.filter((r) => r.type === 'planReview').map((r) => r.record.id);
    expect(ids).toEqual(expect.arrayContaining([signOff.id, comment.id]));
  });

  it('refuses a sign-off by a worker and a comment signed with someone else’s name', async () => {
    expect((await push('pracovnik1', review('pracovnik1', { signedOff: true })))[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect((await push('pracovnik1', review('vedouci')))[0]).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
  });

  it('refuses a review of a plan from another household, and any rewrite of a review', async () => {
    const [other] = await db.query<{ id: string }>(
      "SELECT id FROM records WHERE type = 'plan' AND household_id <> $1 LIMIT 1",
      [plan.householdId],
    );
    expect(
      (await push('vedouci', review('vedouci', { planId: other?.id as string })))[0],
    ).toMatchObject({
      status: 'rejected',
      code: 'invalid',
    });
    const r = review('vedouci');
    expect((await push('vedouci', r))[0]?.status).toBe('applied');
    expect((await push('vedouci', { ...r, text: 'přepsáno' }))[0]).toMatchObject({
      status: 'rejected',
      code: 'immutable',
    });
  });

  it('does not send reviews to an app on protocol 1, which could not read them', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0&limit=5000',
      headers: { authorization: `Bearer ${token.pracovnik1 as string}`, [PROTOCOL_HEADER]: '1' },
    });
    expect(res.statusCode).toBe(200);
    const types = new Set(
      (res.json() as { changes: { type: string }[] }).changes.map((c) => c.type),
    );
    expect(types.has('plan')).toBe(true);
    expect(types.has('planReview')).toBe(false);
  });
});
