import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_RULES } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';
import { login, pull, pullEverything, testApp } from './helpers/app';

describe.each(BACKENDS)('contact rules on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['spravce', 'pracovnik1']) token[u] = (await login(app, u)).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const get = (who: string) =>
    app.inject({ url: '/api/rules', headers: { authorization: `Bearer ${token[who]}` } });
  const put = (who: string, programme: string, body: unknown) =>
    app.inject({
      method: 'PUT',
      url: `/api/rules/${programme}`,
      headers: { authorization: `Bearer ${token[who]}` },
      payload: body as object,
    });

  it('serves the seeded defaults to any signed-in user', async () => {
    const res = await get('pracovnik1');
    expect(res.statusCode).toBe(200);
    expect(res.json().rules).toContainEqual(DEFAULT_RULES.social_housing);
    expect(res.json().rules).toHaveLength(5);
    expect((await app.inject({ url: '/api/rules' })).statusCode).toBe(401);
  });

  it('lets an admin change a rule, and nobody else', async () => {
    const stricter = {
      ...DEFAULT_RULES.field_work,
      phases: [
        {
          fromDay: 0,
          toDay: null,
          requirement: { kind: 'min_per_period', period: 'iso_week', min: 1 },
        },
      ],
    };
    expect((await put('pracovnik1', 'field_work', stricter)).statusCode).toBe(403);
    expect((await put('spravce', 'field_work', stricter)).statusCode).toBe(200);
    expect((await get('pracovnik1')).json().rules).toContainEqual(stricter);
  });

  it('refuses a rule whose phases do not partition time, or for another programme', async () => {
    const broken = {
      ...DEFAULT_RULES.social_housing,
      phases: [{ fromDay: 5, toDay: null, requirement: null }],
    };
    expect((await put('spravce', 'social_housing', broken)).statusCode).toBe(400);
    expect((await put('spravce', 'crisis_housing', DEFAULT_RULES.social_housing)).statusCode).toBe(
      400,
    );
    expect((await get('spravce')).json().rules).toContainEqual(DEFAULT_RULES.social_housing);
  });

  it('tells devices with each pull whether the rules changed, so they fetch them only then', async () => {
    const version = async () => {
      const { cursor } = await pullEverything(app, token.pracovnik1 as string);
      return (await pull(app, token.pracovnik1 as string, cursor)).json().rulesVersion as string;
    };
    const before = await version();
    expect(before).toMatch(/^[\w-]{22}$/);
    expect(await version()).toBe(before);
    const rule = { ...DEFAULT_RULES.field_work, leaseWarningDays: 14 };
    expect((await put('spravce', 'field_work', rule)).statusCode).toBe(200);
    expect(await version()).not.toBe(before);
  });
});
