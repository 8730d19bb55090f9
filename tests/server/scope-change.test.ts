import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, PROTOCOL_HEADER, PROTOCOL_VERSION, type PushMutation } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { BACKENDS } from './helpers/databases';
import { login, pull, pullEverything, pushResults, testApp } from './helpers/app';

describe.each(BACKENDS)('scope changes on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const who: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['pracovnik1', 'pracovnik2', 'vedouci']) {
      const { body } = await login(app, u);
      who[u] = { token: body.token, id: body.user.id };
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const headers = (u: string) => ({
    authorization: `Bearer ${who[u]?.token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  });
  const push = (u: string, mutations: PushMutation[]) =>
    pushResults(app, who[u]?.token as string, mutations);
  const lastPageScope = async (u: string, cursor: string) => {
    const body = (await pull(app, who[u]?.token as string, cursor, 5000)).json() as {
      scope?: string[];
    };
    return body.scope ?? [];
  };
  const catchUp = async (u: string, ids: string[]) =>
    (
      (
        await app.inject({
          method: 'POST',
          url: '/api/sync/households',
          headers: headers(u),
          payload: { ids },
        })
      ).json() as {
        changes: { record: { id: string; householdId?: string } }[];
      }
    ).changes;

  it('moves a reassigned case out of one worker\u2019s scope and into another\u2019s, quarantining late edits', async () => {
    const one = await pullEverything(app, who.pracovnik1?.token as string);
    const two = await pullEverything(app, who.pracovnik2?.token as string);
    const enrolment = one.records.find((r) => r.type === 'enrolment')?.record as Record<
      string,
      unknown
    >;
    const householdId = enrolment.householdId as string;
    const household = one.records.find((r) => r.record.id === householdId)?.record as Record<
      string,
      unknown
    >;
    expect(await lastPageScope('pracovnik1', one.cursor)).toContain(householdId);

    const reassign: PushMutation = {
      mutationId: newId(),
      type: 'enrolment',
      record: { ...enrolment, workerId: who.pracovnik2?.id },
      base: enrolment,
    };
    expect((await push('vedouci', [reassign]))[0]?.status).toBe('applied');

    // The old worker's next pull says the household is no longer theirs.
    expect(await lastPageScope('pracovnik1', one.cursor)).not.toContain(householdId);
    expect(await catchUp('pracovnik1', [householdId])).toEqual([]);
    // The new worker learns it is theirs and fetches its whole history, behind their cursor.
    expect(await lastPageScope('pracovnik2', two.cursor)).toContain(householdId);
    const history = await catchUp('pracovnik2', [householdId]);
    expect(history.length).toBeGreaterThan(2);
    expect(
      history.every((c) => c.record.id === householdId || c.record.householdId === householdId),
    ).toBe(true);

    // An edit the old worker made offline is kept for the supervisor, not applied, not lost.
    const late: PushMutation = {
      mutationId: newId(),
      type: 'household',
      record: { ...household, note: 'offline' },
      base: household,
    };
    expect((await push('pracovnik1', [late]))[0]).toMatchObject({
      status: 'rejected',
      code: 'quarantined',
    });
    const kept = await db.query<{ record: { note: string } }>(
      'SELECT record FROM sync_quarantine WHERE household_id = $1',
      [householdId],
    );
    expect(kept.map((k) => k.record.note)).toEqual(['offline']);
    const [current] = await db.query<{ data: { note: string } }>(
      'SELECT data FROM records WHERE id = $1',
      [householdId],
    );
    expect(current?.data.note).toBe('');
  });

  it('does not tell a worker about households of other workers through the catch-up', async () => {
    const theirs = await pullEverything(app, who.pracovnik2?.token as string);
    const ids = [
      ...new Set(
        theirs.records.map(
          (r) => (r.type === 'household' ? r.record.id : r.record.householdId) as string,
        ),
      ),
    ];
    expect(await catchUp('pracovnik1', ids.slice(0, 5))).toEqual([]);
  });
});
