import { describe, expect, it } from 'vitest';
import {
  encodeHlc,
  newId,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PushMutation,
  type SyncIssues,
} from '../../src/core';
import { aContact, aHousehold, anEnrolment, aPerson } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pushResults, useSeededApp } from './helpers/app';

/** A refused change is not a dead end, and a worker learns their value lost. */
describe.each(BACKENDS)(
  'refused changes handed over, and lost values told, on $name',
  (backend) => {
    const world = useSeededApp(backend, ['pracovnik1', 'vedouci', 'manazer']);
    const me = (u: string) => world.as(u);
    const m = (
      type: PushMutation['type'],
      record: object,
      base: object | null = null,
      hlc?: string,
    ) => ({
      mutationId: newId(),
      type,
      record: record as Record<string, unknown>,
      base: base as Record<string, unknown> | null,
      ...(hlc ? { hlc } : {}),
    });
    const handOver = (u: string, body: object) =>
      world.app.inject({
        method: 'POST',
        url: '/api/sync/hand-over',
        headers: {
          authorization: `Bearer ${me(u).token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
        payload: body,
      });

    const issues = async () =>
      (
        await world.app.inject({
          method: 'GET',
          url: '/api/supervision/issues?limit=200',
          headers: { authorization: `Bearer ${me('vedouci').token}` },
        })
      ).json() as SyncIssues;
    /** The team supervisor applies a held edit. */
    const applyHeld = (id: string | undefined) =>
      world.app.inject({
        method: 'POST',
        url: `/api/supervision/quarantine/${id}/resolve`,
        headers: { authorization: `Bearer ${me('vedouci').token}` },
        payload: { action: 'apply' },
      });
    const handOverBody = (mutation: PushMutation) => ({
      mutationId: mutation.mutationId,
      type: mutation.type,
      record: mutation.record,
      base: mutation.base,
    });
    const aCase = async () => {
      const h = aHousehold({ teamId: me('pracovnik1').teamId });
      const e = anEnrolment(h.id, { workerId: me('pracovnik1').id });
      await pushResults(world.app, me('pracovnik1').token, [m('household', h), m('enrolment', e)]);
      return { h, e };
    };

    it('keeps a handed-over refused change for the supervisor, with the server\u2019s reason, once', async () => {
      const { h, e } = await aCase();
      // In a colleague's name: refused.
      const c = aContact(h.id, e.id, { workerId: newId(), note: 'Předáno ke kontrole' });
      const mutation = m('contact', c);
      const [result] = await pushResults(world.app, me('pracovnik1').token, [mutation]);
      expect(result).toMatchObject({ status: 'rejected', reason: 'worker_mismatch' });
      expect((await handOver('pracovnik1', handOverBody(mutation))).statusCode).toBe(200);
      expect((await handOver('pracovnik1', handOverBody(mutation))).statusCode).toBe(200);
      const held = (await issues()).quarantine.filter((q) => q.record.id === c.id);
      expect(held).toHaveLength(1);
      expect(held[0]).toMatchObject({ reason: 'worker_mismatch', userId: me('pracovnik1').id });
    });

    it('takes only a change its ledger refused, exactly as it was pushed', async () => {
      const { h, e } = await aCase();
      const applied = m('contact', aContact(h.id, e.id, { workerId: me('pracovnik1').id }));
      await pushResults(world.app, me('pracovnik1').token, [applied]);
      const refused = m('contact', aContact(h.id, e.id, { workerId: newId() }));
      await pushResults(world.app, me('pracovnik1').token, [refused]);
      const never = m('contact', aContact(h.id, e.id, { workerId: newId() }));
      const swapped = { ...handOverBody(refused), record: { ...refused.record, minutes: 600 } };
      for (const body of [handOverBody(applied), handOverBody(never), swapped])
        expect((await handOver('pracovnik1', body)).statusCode).toBe(409);
      // Another device of the same user cannot hand over this one's refusal either.
      const other = await login(world.app, 'pracovnik1');
      const res = await world.app.inject({
        method: 'POST',
        url: '/api/sync/hand-over',
        headers: {
          authorization: `Bearer ${other.body.token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        },
        payload: handOverBody(refused),
      });
      expect(res.statusCode).toBe(409);
    });

    it('applies a handed-over record only through the push\u2019s own checks', async () => {
      const mine = await aCase();
      const theirs = aHousehold({ teamId: me('pracovnik1').teamId });
      const theirPerson = aPerson(theirs.id);
      await pushResults(world.app, me('vedouci').token, [
        m('household', theirs),
        m('person', theirPerson),
      ]);
      // A colleague's member, moved into my household: refused, then handed over.
      const moved = m('person', { ...theirPerson, householdId: mine.h.id, lastName: 'Přesunutý' });
      const [result] = await pushResults(world.app, me('pracovnik1').token, [moved]);
      expect(result).toMatchObject({ status: 'rejected', reason: 'ownership_change' });
      expect((await handOver('pracovnik1', handOverBody(moved))).statusCode).toBe(200);
      const held = (await issues()).quarantine.find((q) => q.record.id === theirPerson.id);
      const apply = await applyHeld(held?.id);
      expect(apply.statusCode).toBe(409);
      const [row] = await world.db.query<{ household_id: string }>(
        'SELECT household_id FROM records WHERE id = $1',
        [theirPerson.id],
      );
      expect(row?.household_id).toBe(theirs.id);
    });

    it('applies a handed-over contact only if everyone it names is of its household', async () => {
      const mine = await aCase();
      const theirs = aHousehold({ teamId: me('pracovnik1').teamId });
      const theirPerson = aPerson(theirs.id);
      await pushResults(world.app, me('vedouci').token, [
        m('household', theirs),
        m('person', theirPerson),
      ]);
      // A visit to my case naming a colleague's client: refused, then handed over.
      const visit = aContact(mine.h.id, mine.e.id, {
        workerId: me('pracovnik1').id,
        participantIds: [theirPerson.id],
      });
      const mutation = m('contact', visit);
      const [result] = await pushResults(world.app, me('pracovnik1').token, [mutation]);
      expect(result).toMatchObject({ status: 'rejected' });
      expect((await handOver('pracovnik1', handOverBody(mutation))).statusCode).toBe(200);
      const held = (await issues()).quarantine.find((q) => q.record.id === visit.id);
      const apply = await applyHeld(held?.id);
      expect(apply.statusCode).toBe(409);
      const stored = await world.db.query('SELECT 1 FROM records WHERE id = $1', [visit.id]);
      expect(stored).toHaveLength(0);
    });

    it('refuses a hand-over into another team, an anonymised case, by a manager, or with unstorable text', async () => {
      const other = aHousehold({ teamId: newId() });
      const body = { mutationId: newId(), type: 'household', record: other, base: null };
      expect((await handOver('pracovnik1', body)).statusCode).toBe(403);
      expect((await handOver('manazer', body)).statusCode).toBe(403);
      const bad = {
        ...body,
        record: { ...other, teamId: me('pracovnik1').teamId, note: 'a\u0000b' },
      };
      expect((await handOver('pracovnik1', bad)).statusCode).toBe(400);
      const { h, e } = await aCase();
      const refused = m('contact', aContact(h.id, e.id, { workerId: newId() }));
      await pushResults(world.app, me('pracovnik1').token, [refused]);
      await world.db.query(
        'INSERT INTO anonymisations (household_id, approved_by) VALUES ($1, $2)',
        [h.id, me('manazer').id],
      );
      expect((await handOver('pracovnik1', handOverBody(refused))).statusCode).toBe(403);
    });

    it('tells the device which of its values lost to a later edit', async () => {
      const h = aHousehold({ teamId: me('vedouci').teamId, note: '', street: 'Stará 1' });
      const now = Date.now();
      await pushResults(world.app, me('vedouci').token, [
        m('household', h, null, encodeHlc(now - 5000, 0, 'a')),
      ]);
      await pushResults(world.app, me('vedouci').token, [
        m('household', { ...h, street: 'Vedoucí 2' }, h, encodeHlc(now - 1000, 0, 'sup')),
      ]);
      // Made earlier, offline, arriving later: its street loses, its note is kept.
      const [late] = await pushResults(world.app, me('vedouci').token, [
        m(
          'household',
          { ...h, street: 'Pracovník 3', note: 'nová' },
          h,
          encodeHlc(now - 3000, 0, 'wrk'),
        ),
      ]);
      expect(late).toMatchObject({ status: 'applied', conflicts: ['street'], lost: ['street'] });
      // The later edit winning over an earlier one is told "conflicts" but nothing "lost".
      const [later] = await pushResults(world.app, me('vedouci').token, [
        m('household', { ...h, street: 'Nejnovější 4' }, h, encodeHlc(now, 0, 'new')),
      ]);
      expect(later).toMatchObject({ status: 'applied', conflicts: ['street'] });
      expect(later?.lost).toBeUndefined();
    });
  },
);
