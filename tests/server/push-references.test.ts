import { describe, expect, it } from 'vitest';
import { newId, type PushMutation, type PushResult } from '../../src/core';
import {
  aContact,
  aHousehold,
  anEnrolment,
  aPerson,
  aPlan,
  aPlanReview,
} from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { pullEverything, pushResults, useSeededApp } from './helpers/app';

const m = (type: PushMutation['type'], record: object): PushMutation => ({
  mutationId: newId(),
  type,
  record: record as Record<string, unknown>,
  base: null,
});

/**
 * Every record a pushed record names must belong to the writer's household, and a contact
 * is logged in its writer's name. Refused one by one with a typed reason.
 */
describe.each(BACKENDS)('references in pushed records on $name', (backend) => {
  const world = useSeededApp(backend, ['pracovnik1', 'pracovnik2', 'vedouci']);
  const me = (u: string) => world.as(u);
  const push = (u: string, ms: PushMutation[]) => pushResults(world.app, me(u).token, ms);
  const outcome = (r: PushResult[]) => r.map((x) => [x.status, x.code, x.reason]);

  /** A case of one worker: household, member, enrolment and a first plan revision. */
  const aCase = async (u: string) => {
    const h = aHousehold({ teamId: me(u).teamId });
    const p = aPerson(h.id);
    const e = anEnrolment(h.id, { workerId: me(u).id });
    const plan = aPlan(e, { goals: [] });
    const res = await push(u, [
      m('household', h),
      m('person', p),
      m('enrolment', e),
      m('plan', plan),
    ]);
    expect(res.every((r) => r.status === 'applied')).toBe(true);
    return { h, p, e, plan };
  };

  it("keeps a plan for one of its household's members, and refuses one for another's", async () => {
    const mine = await aCase('pracovnik1');
    const theirs = await aCase('pracovnik2');
    const revision = (personId: string) =>
      m('plan', { ...aPlan(mine.e, { goals: [] }), revision: 2, basedOn: mine.plan.id, personId });
    const res = await push('pracovnik1', [revision(theirs.p.id), revision(mine.p.id)]);
    expect(outcome(res)).toEqual([
      ['rejected', 'invalid', 'foreign_reference'],
      ['applied', undefined, undefined],
    ]);
  });

  it("refuses contacts naming a colleague, another household's enrolment or people", async () => {
    const mine = await aCase('pracovnik1');
    const theirs = await aCase('pracovnik2');
    const worker = me('pracovnik1').id;
    const contact = (over: object) =>
      m('contact', aContact(mine.h.id, mine.e.id, { workerId: worker, ...over }));
    const res = await push('pracovnik1', [
      contact({ workerId: me('pracovnik2').id }),
      contact({ enrolmentIds: [theirs.e.id] }),
      contact({ enrolmentIds: [mine.e.id, theirs.e.id] }),
      contact({ participantIds: [theirs.p.id] }),
      contact({ participantIds: [mine.e.id] }),
      contact({ participantIds: [mine.p.id] }),
    ]);
    expect(outcome(res)).toEqual([
      ['rejected', 'forbidden', 'worker_mismatch'],
      ['rejected', 'invalid', 'foreign_reference'],
      ['rejected', 'invalid', 'foreign_reference'],
      ['rejected', 'invalid', 'foreign_reference'],
      ['rejected', 'invalid', 'foreign_reference'],
      ['applied', undefined, undefined],
    ]);
  });

  it('refuses ids spelled in capitals, which would not find their stored record', async () => {
    const mine = await aCase('pracovnik1');
    const theirs = await aCase('pracovnik2');
    const upper = (id: string) => id.toUpperCase();
    const res = await push('pracovnik1', [
      // A colleague's enrolment, moved into my household under its id in capitals.
      m('enrolment', {
        ...theirs.e,
        id: upper(theirs.e.id),
        householdId: mine.h.id,
        workerId: me('pracovnik1').id,
      }),
      m('person', { ...theirs.p, id: upper(theirs.p.id), householdId: mine.h.id }),
      m('contact', aContact(mine.h.id, upper(mine.e.id), { workerId: me('pracovnik1').id })),
    ]);
    expect(outcome(res)).toEqual([
      ['rejected', 'invalid', 'schema'],
      ['rejected', 'invalid', 'schema'],
      ['rejected', 'invalid', 'schema'],
    ]);
    const [row] = await world.db.query<{ household_id: string }>(
      'SELECT household_id FROM records WHERE id = $1',
      [theirs.e.id],
    );
    expect(row?.household_id).toBe(theirs.h.id);
  });

  it('lets a correction keep the name of whoever did the work it corrects', async () => {
    const mine = await aCase('pracovnik1');
    const original = aContact(mine.h.id, mine.e.id, { workerId: me('pracovnik1').id });
    await push('pracovnik1', [m('contact', original)]);
    // The case moved to a colleague, who corrects the visit: it stays the first worker's.
    const moved = { ...mine.e, workerId: me('pracovnik2').id };
    await push('vedouci', [
      { ...m('enrolment', moved), base: mine.e as unknown as Record<string, unknown> },
    ]);
    const fix = (over: object) =>
      m('contact', aContact(mine.h.id, mine.e.id, { amends: original.id, minutes: 50, ...over }));
    const res = await push('pracovnik2', [
      fix({ workerId: me('pracovnik1').id }),
      fix({ workerId: me('vedouci').id }),
    ]);
    expect(outcome(res)).toEqual([
      ['applied', undefined, undefined],
      ['rejected', 'forbidden', 'worker_mismatch'],
    ]);
  });

  it('takes back a contact pushed in the same batch or before: a deleted correction, applied', async () => {
    const mine = await aCase('pracovnik1');
    const worker = me('pracovnik1').id;
    const sent = aContact(mine.h.id, mine.e.id, { workerId: worker });
    await push('pracovnik1', [m('contact', sent)]);
    const fresh = aContact(mine.h.id, mine.e.id, { workerId: worker });
    const undo = (c: typeof sent) =>
      m('contact', { ...c, id: newId(), amends: c.id, deleted: true });
    const res = await push('pracovnik1', [undo(sent), m('contact', fresh), undo(fresh)]);
    expect(outcome(res)).toEqual([
      ['applied', undefined, undefined],
      ['applied', undefined, undefined],
      ['applied', undefined, undefined],
    ]);
    // Both originals stay on the server, each superseded by a deleted correction.
    const { records } = await pullEverything(world.app, me('pracovnik1').token);
    const contacts = records.filter(
      (r) => r.type === 'contact' && r.record.householdId === mine.h.id,
    );
    expect(
      contacts
        .filter((c) => c.record.deleted)
        .map((c) => c.record.amends)
        .sort(),
    ).toEqual([sent.id, fresh.id].sort());
    expect(contacts).toHaveLength(4);
  });

  it("lets a supervisor log a contact in a team member's name, nobody else's", async () => {
    const mine = await aCase('pracovnik1');
    const contact = (workerId: string) =>
      m('contact', aContact(mine.h.id, mine.e.id, { workerId }));
    const res = await push('vedouci', [contact(me('pracovnik1').id), contact(newId())]);
    expect(outcome(res)).toEqual([
      ['applied', undefined, undefined],
      ['rejected', 'forbidden', 'worker_mismatch'],
    ]);
  });

  it('refuses a case assigned by a supervisor to somebody outside the team', async () => {
    const h = aHousehold({ teamId: me('vedouci').teamId });
    const res = await push('vedouci', [
      m('household', h),
      m('enrolment', anEnrolment(h.id, { workerId: newId() })),
      m('enrolment', anEnrolment(h.id, { workerId: me('pracovnik2').id })),
    ]);
    expect(outcome(res)).toEqual([
      ['applied', undefined, undefined],
      ['rejected', 'forbidden', 'not_allowed'],
      ['applied', undefined, undefined],
    ]);
  });

  it("never merges another household's plan into the writer's", async () => {
    const mine = await aCase('pracovnik1');
    const theirs = await aCase('pracovnik2');
    const secret = 'Cíl jiné domácnosti';
    // The colleague revised their plan, so a rival revision exists there.
    await push('pracovnik2', [
      m(
        'plan',
        aPlan(theirs.e, {
          revision: 2,
          basedOn: theirs.plan.id,
          goals: [{ id: newId(), area: 'housing', text: secret, steps: [] }],
        }),
      ),
    ]);
    const worker = me('pracovnik1').id;
    const res = await push('pracovnik1', [
      // Into my household, naming their enrolment and their plan as its base.
      m(
        'plan',
        aPlan(theirs.e, {
          householdId: mine.h.id,
          revision: 2,
          basedOn: theirs.plan.id,
          authorId: worker,
        }),
      ),
      m('plan', aPlan(mine.e, { revision: 2, basedOn: theirs.plan.id })),
      m('plan', aPlan(theirs.e, { householdId: mine.h.id, authorId: worker })),
    ]);
    expect(outcome(res)).toEqual([
      ['rejected', 'invalid', 'foreign_reference'],
      ['rejected', 'invalid', 'foreign_reference'],
      ['rejected', 'invalid', 'foreign_reference'],
    ]);
    const pulled = await pullEverything(world.app, me('pracovnik1').token);
    expect(JSON.stringify(pulled.records)).not.toContain(secret);
  });

  it('refuses a plan review naming a plan or enrolment of another household', async () => {
    const mine = await aCase('pracovnik1');
    const theirs = await aCase('pracovnik2');
    const review = (over: object) =>
      m('planReview', aPlanReview(mine.plan, me('pracovnik1').id, over));
    const res = await push('pracovnik1', [
      review({ planId: theirs.plan.id }),
      review({ enrolmentId: theirs.e.id }),
      review({}),
    ]);
    expect(outcome(res)).toEqual([
      ['rejected', 'invalid', 'foreign_reference'],
      ['rejected', 'invalid', 'foreign_reference'],
      ['applied', undefined, undefined],
    ]);
  });
});
