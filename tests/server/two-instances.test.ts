import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, PROTOCOL_HEADER, PROTOCOL_VERSION, type PushResult } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pullEverything, testApp } from './helpers/app';

/** The server keeps no state of its own: two instances on one database serve the same devices. */
describe.each(BACKENDS)('two server instances on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let a: FastifyInstance;
  let b: FastifyInstance;
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    a = await testApp(db);
    b = await testApp(db);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await drop();
  });

  it('share sessions, the push ledger and the change cursor', async () => {
    const { body } = await login(a, 'vedouci');
    const headers = {
      authorization: `Bearer ${body.token}`,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    };
    const before = await pullEverything(b, body.token);
    const h = aHousehold({ teamId: body.user.teamId as string });
    const mutation = { mutationId: newId(), type: 'household', record: h, base: null };
    const first = await a.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers,
      payload: { mutations: [mutation] },
    });
    const retry = await b.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers,
      payload: { mutations: [mutation] },
    });
    expect((retry.json() as { results: PushResult[] }).results).toEqual(
      (first.json() as { results: PushResult[] }).results,
    );
    const after = await pullEverything(b, body.token);
    expect(after.records.length).toBe(before.records.length + 1);
    expect(after.records.at(-1)?.record.id).toBe(h.id);
  });
});
