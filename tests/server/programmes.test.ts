import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  newId,
  OSTRAVA_PROGRAMMES,
  type Catalog,
  type ContactRule,
  type PushMutation,
} from '../../src/core';
import { aHousehold, anEnrolment } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { pull, pushResults, useSeededApp } from './helpers/app';

/**
 * A city's programmes are data the server serves (what each one is, its rule), so
 * another city can run its own without a code change.
 */
describe.each(BACKENDS)('programmes as data on $name', (backend) => {
  const world = useSeededApp(backend, ['vedouci', 'manazer', 'spravce']);
  const token = (u: string) => world.as(u).token;
  const get = async <T>(url: string, user = 'vedouci') =>
    (
      await world.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token(user)}` },
      })
    ).json() as T;
  const putRule = (rule: ContactRule) =>
    world.app.inject({
      method: 'PUT',
      url: `/api/rules/${rule.programme}`,
      headers: { authorization: `Bearer ${token('spravce')}` },
      payload: rule,
    });
  const fingerprint = async () =>
    ((await pull(world.app, token('vedouci'), '999999999', 1)).json() as { rulesVersion?: string })
      .rulesVersion;
  const enrolIn = (programme: string): PushMutation[] => {
    const household = aHousehold({ teamId: world.as('vedouci').teamId });
    const enrolment = anEnrolment(household.id, { programme, workerId: world.as('vedouci').id });
    return [
      { mutationId: newId(), type: 'household', record: household, base: null },
      { mutationId: newId(), type: 'enrolment', record: enrolment, base: null },
    ];
  };
  const indicators = (programme: string) =>
    world.app.inject({
      method: 'GET',
      url: `/api/reports/indicators?from=2026-01-01&to=2026-12-31&group=programme&programme=${programme}`,
      headers: { authorization: `Bearer ${token('manazer')}` },
    });

  it('serves Ostrava\u2019s programmes by default, with what each one is', async () => {
    const { programmes } = await get<Catalog>('/api/catalog');
    expect(programmes).toEqual(OSTRAVA_PROGRAMMES);
    const { rules } = await get<{ rules: ContactRule[] }>('/api/rules');
    expect(rules.map((r) => r.programme)).toEqual(OSTRAVA_PROGRAMMES.map((p) => p.code));
    expect(rules).toContainEqual(DEFAULT_RULES.crisis_housing);
  });

  it('takes a programme once the city lists it: enrolments, its rule, reports', async () => {
    const before = await fingerprint();
    const refused = await pushResults(world.app, token('vedouci'), enrolIn('housing_first'));
    expect(refused[1]).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      reason: 'unknown_code',
    });
    expect((await indicators('housing_first')).statusCode).toBe(400);
    const rule: ContactRule = { ...DEFAULT_RULES.social_housing, programme: 'housing_first' };
    expect((await putRule(rule)).statusCode).toBe(404);

    await world.db.query(
      `INSERT INTO programmes (code, name, housing, lease_max_months, colour, position)
       VALUES ('housing_first', 'Housing First', true, 12, 'blue', 9)`,
    );
    expect(await fingerprint()).not.toBe(before);
    expect((await get<Catalog>('/api/catalog')).programmes).toContainEqual({
      code: 'housing_first',
      name: 'Housing First',
      housing: true,
      leaseMaxMonths: 12,
      colour: 'blue',
    });
    // Until an admin sets its rule, it asks for no contacts and no plan.
    const { rules } = await get<{ rules: ContactRule[] }>('/api/rules');
    expect(rules.find((r) => r.programme === 'housing_first')).toMatchObject({
      phases: [{ fromDay: 0, toDay: null, requirement: null }],
      planWithinDays: null,
    });
    const applied = await pushResults(world.app, token('vedouci'), enrolIn('housing_first'));
    expect(applied.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await indicators('housing_first')).statusCode).toBe(200);
    expect((await putRule(rule)).statusCode).toBe(200);
    const after = await get<{ rules: ContactRule[] }>('/api/rules');
    expect(after.rules).toContainEqual(rule);
  });

  it('keeps an enrolment editable in a programme the city no longer lists', async () => {
    const [household, enrolment] = enrolIn('field_work');
    await pushResults(world.app, token('vedouci'), [household!, enrolment!]);
    await world.db.query("DELETE FROM programmes WHERE code = 'field_work'");
    expect((await get<Catalog>('/api/catalog')).programmes?.map((p) => p.code)).not.toContain(
      'field_work',
    );
    const closed = { ...enrolment!.record, targetGroup: 'dlouhodobě vyloučení' };
    const [res] = await pushResults(world.app, token('vedouci'), [
      { mutationId: newId(), type: 'enrolment', record: closed, base: enrolment!.record },
    ]);
    expect(res?.status).toBe('applied');
  });
});
