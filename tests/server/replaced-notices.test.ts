import { describe, expect, it } from 'vitest';
import { encodeHlc, newId, type PullResponse, type PushMutation } from '../../src/core';
import { BACKENDS } from './helpers/databases';
import { pull, pullEverything, pushResults, useSeededApp } from './helpers/app';

/**
 * A worker's accepted value that a colleague's concurrent edit replaces afterwards: the
 * worker's device is told on its next pull, once, and only while it holds the case.
 */
describe.each(BACKENDS)('replaced values on $name', (backend) => {
  const world = useSeededApp(backend, ['pracovnik1', 'vedouci']);
  const clockAt = (ms: number) => encodeHlc(ms, 0, 'a1b2c3d4e5f6');

  const firstHousehold = async () => {
    const { records } = await pullEverything(world.app, world.as('pracovnik1').token);
    const enrolment = records.find((r) => r.type === 'enrolment')?.record;
    const household = records.find((r) => r.record.id === enrolment?.householdId)?.record;
    if (!household) throw new Error('the demo worker holds no household');
    return household;
  };
  const edit = (
    household: Record<string, unknown>,
    change: Record<string, unknown>,
    hlc: string,
  ): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: { ...household, ...change },
    base: household,
    hlc,
  });
  const lastPage = async (user: string, replacedAfter?: string) => {
    const { token } = world.as(user);
    const first = (await pull(world.app, token, '0', 5000)).json() as PullResponse;
    let page = first;
    while (page.hasMore) page = (await pull(world.app, token, page.cursor, 5000)).json();
    const more = replacedAfter === undefined ? '' : `&replacedAfter=${replacedAfter}`;
    return (await pull(world.app, token, page.cursor, 5000, more)).json() as PullResponse;
  };

  it('tells the worker whose accepted value a colleague\u2019s later concurrent edit replaced', async () => {
    const household = await firstHousehold();
    const now = Date.now();
    const mine = edit(household, { note: 'Zápis pracovníka' }, clockAt(now - 20_000));
    expect((await pushResults(world.app, world.as('pracovnik1').token, [mine]))[0]?.status).toBe(
      'applied',
    );
    // The supervisor edited the same field offline, later, from the same old copy.
    const theirs = edit(household, { note: 'Zápis vedoucí' }, clockAt(now - 5_000));
    const [result] = await pushResults(world.app, world.as('vedouci').token, [theirs]);
    expect(result).toMatchObject({ status: 'applied', conflicts: ['note'] });

    const page = await lastPage('pracovnik1', '0');
    expect(page.replaced).toEqual([
      expect.objectContaining({
        recordType: 'household',
        recordId: household.id,
        householdId: household.id,
        field: 'note',
        mine: 'Zápis pracovníka',
      }),
    ]);
    const id = page.replaced?.[0]?.id as string;
    // Read up to there: not again. Not to the supervisor, whose value won.
    expect((await lastPage('pracovnik1', id)).replaced).toBeUndefined();
    expect((await lastPage('vedouci', '0')).replaced).toBeUndefined();
    // An app that does not ask gets none (older versions, a first sync's parts).
    expect((await lastPage('pracovnik1')).replaced).toBeUndefined();
  });

  it('says nothing when the colleague saw the value and changed it afterwards', async () => {
    const household = await firstHousehold();
    const now = Date.now();
    const before = (await lastPage('pracovnik1', '0')).replaced?.length ?? 0;
    const mine = edit(household, { phone: '+420 600 111 222' }, clockAt(now - 3_000));
    await pushResults(world.app, world.as('pracovnik1').token, [mine]);
    const seen = { ...household, phone: '+420 600 111 222' };
    const theirs = edit(seen, { phone: '+420 600 333 444' }, clockAt(now - 1_000));
    const [result] = await pushResults(world.app, world.as('vedouci').token, [theirs]);
    expect(result?.conflicts).toBeUndefined();
    expect((await lastPage('pracovnik1', '0')).replaced?.length ?? 0).toBe(before);
  });
});
