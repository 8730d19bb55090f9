import { describe, expect, it } from 'vitest';
import { encodeHlc, newId, type PushMutation, type SyncIssues } from '../../src/core';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { pushResults, useSeededApp } from './helpers/app';

/**
 * A value overwritten by a concurrent edit names both authors on "Ke kontrole": who wrote
 * the value that stands and who wrote the one it replaced (once only the user whose push met
 * the conflict was named, the winner's when a later edit arrived first).
 */
describe.each(BACKENDS)('authors of a conflict on $name', (backend) => {
  const world = useSeededApp(backend, ['pracovnik1', 'vedouci']);
  const at = (msAgo: number) => encodeHlc(Date.now() - msAgo, 0, 'node');
  const edit = (record: object, base: object | null, hlc: string): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: record as Record<string, unknown>,
    base: base as Record<string, unknown> | null,
    hlc,
  });
  const push = (u: string, m: PushMutation) => pushResults(world.app, world.as(u).token, [m]);
  const conflictOf = async (recordId: string) => {
    const res = await world.app.inject({
      url: '/api/supervision/issues',
      headers: { authorization: `Bearer ${world.as('vedouci').token}` },
    });
    return (res.json() as SyncIssues).conflicts.find((c) => c.recordId === recordId);
  };

  it.each([
    ['the later edit arrives last', false],
    ['the later edit arrives first', true],
  ])('names both when %s', async (_, laterFirst) => {
    const h = aHousehold({ teamId: world.as('pracovnik1').teamId, note: '' });
    await push('pracovnik1', edit(h, null, at(600_000)));
    // The worker wrote offline two minutes ago, the supervisor a minute ago: hers stands.
    const worker = () => push('pracovnik1', edit({ ...h, note: 'pracovník' }, h, at(120_000)));
    const supervisor = () => push('vedouci', edit({ ...h, note: 'vedoucí' }, h, at(60_000)));
    if (laterFirst) {
      await supervisor();
      await worker();
    } else {
      await worker();
      await supervisor();
    }
    expect(await conflictOf(h.id)).toMatchObject({
      current: 'vedoucí',
      losing: 'pracovník',
      winningUserId: world.as('vedouci').id,
      losingUserId: world.as('pracovnik1').id,
    });
  });
});
