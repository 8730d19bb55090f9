import { describe, expect, it } from 'vitest';
import { ANONYMISED, newId, type PushMutation } from '../../src/core';
import { storeRecords } from '../../sync-server/sync/store-records';
import { aContact, aHousehold, anEnrolment } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { pullEverything, pushResults, useSeededApp } from './helpers/app';

/** An anonymised case is read-only for good: the server refuses every change to it. */
describe.each(BACKENDS)('an anonymised case on $name', (backend) => {
  const world = useSeededApp(backend, ['pracovnik1', 'vedouci', 'manazer']);
  const m = (type: PushMutation['type'], record: object, base: object | null = null) => ({
    mutationId: newId(),
    type,
    record: record as Record<string, unknown>,
    base: base as Record<string, unknown> | null,
  });

  it('refuses edits and new records with a reason of their own, to the team', async () => {
    const worker = world.as('pracovnik1');
    const h = aHousehold({ teamId: worker.teamId, label: 'Zkušební Dávný' });
    const e = anEnrolment(h.id, {
      workerId: worker.id,
      status: 'closed',
      closeReason: 'goals_met',
      startDate: '2008-01-07',
      closedOn: '2009-01-05',
    });
    await world.db.transaction((tx) =>
      storeRecords(tx, worker.teamId, [
        { type: 'household', record: h },
        { type: 'enrolment', record: e },
      ]),
    );
    const res = await world.app.inject({
      method: 'POST',
      url: '/api/gdpr/anonymise',
      payload: { householdIds: [h.id] },
      headers: { authorization: `Bearer ${world.as('manazer').token}` },
    });
    expect(res.json()).toMatchObject({ anonymised: [h.id] });
    const { records } = await pullEverything(world.app, world.as('vedouci').token);
    const pulled = records.find((r) => r.type === 'household' && r.record.id === h.id)?.record;
    expect(pulled).toMatchObject({ label: ANONYMISED, anonymised: true });

    for (const u of ['pracovnik1', 'vedouci']) {
      const results = await pushResults(world.app, world.as(u).token, [
        m('household', { ...pulled, label: 'Znovu pojmenovaný' }, pulled ?? null),
        m('contact', aContact(h.id, e.id, { workerId: world.as(u).id })),
      ]);
      expect(results.map((r) => [r.status, r.code, r.reason])).toEqual([
        ['rejected', 'forbidden', 'anonymised'],
        ['rejected', 'forbidden', 'anonymised'],
      ]);
    }
  });
});
