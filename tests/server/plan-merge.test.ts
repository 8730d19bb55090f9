import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, type Plan } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';
import { login, pushAs, testApp } from './helpers/app';

describe.each(BACKENDS)('concurrent plan revisions on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['pracovnik1', 'vedouci']) token[u] = (await login(app, u)).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  /** A plan of pracovnik1 with at least two goals, as stored. */
  const aPlan = async (skip: number) => {
    const rows = await db.query<{ data: Plan }>(
      `SELECT p.data FROM records p JOIN records e ON e.id = (p.data ->> 'enrolmentId')::uuid
         JOIN users u ON u.id = (e.data ->> 'workerId')::uuid AND u.username = 'pracovnik1'
        WHERE p.type = 'plan' AND (p.data ->> 'revision')::int = 1
        ORDER BY p.data ->> 'enrolmentId' OFFSET $1 LIMIT 1`,
      [skip],
    );
    return rows[0]?.data as Plan;
  };
  const revise = (base: Plan, change: (p: Plan) => Plan): Plan => ({
    ...change(structuredClone(base)),
    id: newId(),
    revision: base.revision + 1,
    basedOn: base.id,
  });
  const push = (user: string, plan: Plan) =>
    pushAs(app, token[user] as string, [
      { mutationId: newId(), type: 'plan', record: plan, base: null },
    ]);
  const revisions = (enrolmentId: string) =>
    db.query<{ data: Plan }>(
      "SELECT data FROM records WHERE type = 'plan' AND data ->> 'enrolmentId' = $1 ORDER BY (data ->> 'revision')::int, id",
      [enrolmentId],
    );

  it('adds the three-way merge when two people revised different goals offline', async () => {
    const base = await aPlan(0);
    const byWorker = revise(base, (p) => ({
      ...p,
      goals: p.goals.map((g, i) => (i === 0 ? { ...g, text: 'Pracovník: bydlení' } : g)),
    }));
    const bySupervisor = revise(base, (p) => ({
      ...p,
      goals: p.goals.map((g, i) => (i === 1 ? { ...g, text: 'Vedoucí: dluhy' } : g)),
    }));
    expect((await push('pracovnik1', byWorker)).statusCode).toBe(200);
    expect((await push('vedouci', bySupervisor)).statusCode).toBe(200);
    const all = (await revisions(base.enrolmentId)).map((r) => r.data);
    const merged = all.find((p) => p.revision === base.revision + 2);
    expect(merged?.goals.map((g) => g.text)).toEqual(['Pracovník: bydlení', 'Vedoucí: dluhy']);
    expect(merged?.basedOn).toBe(bySupervisor.id);
    // Both revisions stay in the history.
    expect(
      all
        .filter((p) => p.revision === base.revision + 1)
        .map((p) => p.id)
        .sort(),
    ).toEqual([byWorker.id, bySupervisor.id].sort());
  });

  it('keeps two versions when both changed the same goal', async () => {
    const base = await aPlan(1);
    const a = revise(base, (p) => ({
      ...p,
      goals: p.goals.map((g, i) => (i === 0 ? { ...g, text: 'Verze A' } : g)),
    }));
    const b = revise(base, (p) => ({
      ...p,
      goals: p.goals.map((g, i) => (i === 0 ? { ...g, text: 'Verze B' } : g)),
    }));
    await push('pracovnik1', a);
    await push('vedouci', b);
    const all = (await revisions(base.enrolmentId)).map((r) => r.data);
    expect(all.some((p) => p.revision > base.revision + 1)).toBe(false);
    expect(all.filter((p) => p.revision === base.revision + 1)).toHaveLength(2);
  });
});
