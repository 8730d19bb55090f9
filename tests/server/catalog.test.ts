import { describe, expect, it } from 'vitest';
import { newId, type Catalog, type PushMutation } from '../../src/core';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { pull, pushResults, useSeededApp } from './helpers/app';

/** The city's districts are data the server serves, so another city needs no code. */
describe.each(BACKENDS)('the city catalogue on $name', (backend) => {
  const world = useSeededApp(backend, ['vedouci', 'manazer']);
  const token = (u: string) => world.as(u).token;
  const create = (district: string): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: aHousehold({ teamId: world.as('vedouci').teamId, district }),
    base: null,
  });
  const catalog = async () =>
    (
      await world.app.inject({
        method: 'GET',
        url: '/api/catalog',
        headers: { authorization: `Bearer ${token('vedouci')}` },
      })
    ).json() as Catalog;
  const fingerprint = async () =>
    (
      (await pull(world.app, token('vedouci'), '999999999', 1)).json() as {
        rulesVersion?: string;
      }
    ).rulesVersion;
  const indicators = (district: string) =>
    world.app.inject({
      method: 'GET',
      url: `/api/reports/indicators?from=2026-01-01&to=2026-12-31&group=district&district=${district}`,
      headers: { authorization: `Bearer ${token('manazer')}` },
    });

  it('serves Ostrava\u2019s districts by default, to signed-in users only', async () => {
    expect((await catalog()).districts.map((d) => d.code)).toContain('poruba');
    expect((await world.app.inject({ method: 'GET', url: '/api/catalog' })).statusCode).toBe(401);
  });

  it('takes a district once the city lists it, and tells devices the list changed', async () => {
    const before = await fingerprint();
    const [refused] = await pushResults(world.app, token('vedouci'), [create('brno-stred')]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'invalid', reason: 'unknown_code' });
    expect((await indicators('brno-stred')).statusCode).toBe(400);

    await world.db.query(
      "INSERT INTO districts (code, name, position) VALUES ('brno-stred', 'Brno-střed', 10)",
    );
    expect(await fingerprint()).not.toBe(before);
    expect((await catalog()).districts).toContainEqual({ code: 'brno-stred', name: 'Brno-střed' });
    const [applied] = await pushResults(world.app, token('vedouci'), [create('brno-stred')]);
    expect(applied?.status).toBe('applied');
    expect((await indicators('brno-stred')).statusCode).toBe(200);
  });

  it('serves the localities the city knows, and tells devices when the list changes', async () => {
    expect((await catalog()).localities).toContainEqual({
      district: 'poruba',
      name: 'Dělnická-Skautská',
      kind: 'svl',
    });
    const before = await fingerprint();
    await world.db.query(
      "INSERT INTO localities (district, name, kind) VALUES ('ostrava-jih', 'Ubytovna U Lesa', 'hostel')",
    );
    expect(await fingerprint()).not.toBe(before);
    expect((await catalog()).localities).toContainEqual({
      district: 'ostrava-jih',
      name: 'Ubytovna U Lesa',
      kind: 'hostel',
    });
  });

  it('keeps a household editable in a district the city no longer lists', async () => {
    const m = create('vitkovice');
    await pushResults(world.app, token('vedouci'), [m]);
    await world.db.query("DELETE FROM districts WHERE code = 'vitkovice'");
    const edited = { ...m.record, note: 'Pořád ve Vítkovicích' };
    const [res] = await pushResults(world.app, token('vedouci'), [
      { mutationId: newId(), type: 'household', record: edited, base: m.record },
    ]);
    expect(res?.status).toBe('applied');
    const moved = { ...m.record, district: 'nikde' };
    const [refused] = await pushResults(world.app, token('vedouci'), [
      { mutationId: newId(), type: 'household', record: moved, base: edited },
    ]);
    expect(refused).toMatchObject({ status: 'rejected', reason: 'unknown_code' });
  });
});
