import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId, PROTOCOL_HEADER, PROTOCOL_VERSION, type PushResult } from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pull, pullEverything, testApp } from './helpers/app';

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

const postgres = BACKENDS.filter((b) => b.name === 'postgres');

/** docs/security.md fault 15: the database drops every connection; the server carries on. */
describe.each(postgres)('connections dropped by $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let token = '';
  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    token = (await login(app, 'pracovnik1')).body.token;
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  it('survives the database terminating its connections, and answers the next request', async () => {
    expect((await pull(app, token)).statusCode).toBe(200);
    const [{ url } = { url: '' }] = await db.query<{ url: string }>(
      "SELECT 'postgres://' || current_user || '@' || host(inet_server_addr()) || ':' || inet_server_port() || '/' || current_database() AS url",
    );
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const killed = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    // Let the pool notice; the process must still be alive and the next pulls answered.
    await new Promise((r) => setTimeout(r, 200));
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) answers.push((await pull(app, token)).statusCode);
    expect(answers.at(-1)).toBe(200);
    expect(answers.every((s) => s === 200 || s === 500)).toBe(true);
  });
});
