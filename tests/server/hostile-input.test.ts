import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  MAX_UNKNOWN_FIELDS_BYTES,
  newId,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PushMutation,
  type PushResult,
} from '../../src/core';
import type { Database } from '../../sync-server/db/database';
import { seedDemo } from '../../sync-server/seed/demo';
import { aHousehold } from '../factories/records';
import { BACKENDS } from './helpers/databases';
import { login, pull, pushAs, testApp } from './helpers/app';

/** A value nested `depth` deep, built without recursion. */
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

/**
 * Bad input gets an answer about that input alone: one refused mutation in a
 * batch that otherwise applies, or a 4xx problem for the request; never a 500, never a
 * batch the device would resend forever.
 */
describe.each(BACKENDS)('hostile input on $name', (backend) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  let teamId = '';

  beforeAll(async () => {
    ({ db, drop } = await backend.open());
    await seedDemo(db);
    app = await testApp(db);
    for (const u of ['vedouci', 'manazer', 'spravce']) {
      const { body } = await login(app, u);
      tokens[u] = body.token;
      if (u === 'vedouci') teamId = body.user.teamId as string;
    }
  });
  afterAll(async () => {
    await app.close();
    await drop();
  });

  const create = (over: Record<string, unknown>): PushMutation => ({
    mutationId: newId(),
    type: 'household',
    record: { ...aHousehold({ teamId }), ...over },
    base: null,
  });
  const problem = (res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json: () => unknown;
  }) => ({
    status: res.statusCode,
    type: String(res.headers['content-type']).split(';')[0],
    code: (res.json() as { code?: string }).code,
  });

  it.each([
    ['a NUL in a value', { note: 'před\u0000po' }, 'invalid_text'],
    ['a lone high surrogate', { localityName: 'x\uD83D' }, 'invalid_text'],
    ['a lone low surrogate', { street: '\uDE00 ulice' }, 'invalid_text'],
    ['a NUL in a key', { 'x\u0000y': 1 }, 'invalid_text'],
    ['an unknown field nested 20 deep', { fromFuture: nested(20) }, 'too_deep'],
    [
      'unknown fields over the limit',
      { big: 'x'.repeat(MAX_UNKNOWN_FIELDS_BYTES + 10) },
      'unknown_fields_too_large',
    ],
    [
      'thousands of unknown keys',
      Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])),
      'unknown_fields_too_large',
    ],
  ])('refuses %s as one invalid mutation and applies the rest', async (_, over, reason) => {
    const bad = create(over);
    const good = create({ note: 'Správně: žluťoučký kůň 🐎' });
    const res = await pushAs(app, tokens.vedouci as string, [bad, good]);
    expect(res.statusCode).toBe(200);
    const results = (res.json() as { results: PushResult[] }).results;
    expect(results.map((r) => [r.status, r.code, r.reason])).toEqual([
      ['rejected', 'invalid', reason],
      ['applied', undefined, undefined],
    ]);
    // The retry the device makes gets the same answer, not a failure.
    const again = await pushAs(app, tokens.vedouci as string, [bad, good]);
    expect((again.json() as { results: PushResult[] }).results).toEqual(results);
    const stored = await db.query('SELECT 1 FROM records WHERE id = ANY($1::uuid[])', [
      [bad.record.id, good.record.id],
    ]);
    expect(stored).toHaveLength(1);
  });

  it('refuses a record nested 9,000 deep on its own, sent as the raw text a client would', async () => {
    const bad = create({});
    const good = create({});
    const depth = 9_000; // ~54 KB, under the test server's body limit
    const deepRecord = JSON.stringify(bad.record).replace(
      /}$/,
      `,"fromFuture":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
    );
    const body = `{"mutations":[${JSON.stringify(bad).replace(JSON.stringify(bad.record), deepRecord)},${JSON.stringify(good)}]}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        authorization: `Bearer ${tokens.vedouci}`,
        [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
        'content-type': 'application/json',
      },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    expect(
      (res.json() as { results: PushResult[] }).results.map((r) => [r.status, r.reason]),
    ).toEqual([
      ['rejected', 'too_deep'],
      ['applied', undefined],
    ]);
  });

  it('keeps a small unknown field, and emoji and Czech text as they were', async () => {
    const m = create({ fromNewerApp: { level: nested(5) }, note: 'Řeřicha 👩‍👧 ﷽' });
    const res = await pushAs(app, tokens.vedouci as string, [m]);
    expect((res.json() as { results: PushResult[] }).results[0]?.status).toBe('applied');
    const [row] = await db.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM records WHERE id = $1',
      [m.record.id],
    );
    expect(row?.data).toMatchObject({ fromNewerApp: { level: nested(5) }, note: 'Řeřicha 👩‍👧 ﷽' });
  });

  it('answers a push by a user without a caseload with 403 problem+json', async () => {
    for (const who of ['manazer', 'spravce']) {
      const res = await pushAs(app, tokens[who] as string, [create({})]);
      expect(problem(res)).toEqual({
        status: 403,
        type: 'application/problem+json',
        code: 'forbidden',
      });
    }
  });

  it('refuses cursors beyond the 64-bit range with 400', async () => {
    const token = tokens.vedouci as string;
    expect((await pull(app, token, '9223372036854775807')).statusCode).toBe(200);
    for (const cursor of ['9223372036854775808', '99999999999999999999']) {
      expect(problem(await pull(app, token, cursor))).toMatchObject({
        status: 400,
        code: 'invalid_request',
      });
      const upTo = await pull(
        app,
        token,
        '0',
        10,
        `&part=history&before=2026-01-01T00:00:00.000Z&upTo=${cursor}`,
      );
      expect(problem(upTo)).toMatchObject({ status: 400, code: 'invalid_request' });
    }
  });

  it('refuses a NUL in the sign-in name and in any other request with 400', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vedouci\u0000', password: 'x', deviceId: newId() },
    });
    expect(problem(signIn)).toMatchObject({ status: 400, code: 'invalid_request' });
    const admin = await app.inject({
      method: 'POST',
      url: '/api/admin/teams',
      headers: { authorization: `Bearer ${tokens.spravce}` },
      payload: { name: 'Tým\u0000' },
    });
    expect(problem(admin)).toMatchObject({ status: 400, code: 'invalid_request' });
    const query = await app.inject({
      method: 'GET',
      url: '/api/reports/indicators?from=2026-01-01&to=2026-02-01&group=month%00',
      headers: { authorization: `Bearer ${tokens.manazer}` },
    });
    expect(problem(query)).toMatchObject({ status: 400, code: 'invalid_request' });
  });

  it('refuses report periods outside this century with 400', async () => {
    for (const url of [
      '/api/reports/indicators?from=0001-01-01&to=2026-01-31&group=month',
      '/api/reports/casework?from=0001-01-01&to=2026-01-31',
      '/api/exports/pseudonymised?from=2026-01-01&to=9999-12-31',
    ]) {
      const res = await app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${tokens.manazer}` },
      });
      expect({ url, ...problem(res) }).toMatchObject({ url, status: 400, code: 'invalid_request' });
    }
  });

  it('tells a too old and a too new app apart', async () => {
    const at = (version: string) =>
      app.inject({
        method: 'GET',
        url: '/api/sync/pull?cursor=0',
        headers: { authorization: `Bearer ${tokens.vedouci}`, [PROTOCOL_HEADER]: version },
      });
    expect(problem(await at('0'))).toMatchObject({ status: 426, code: 'update_required' });
    expect(problem(await at(String(PROTOCOL_VERSION + 1)))).toMatchObject({
      status: 400,
      code: 'protocol_unsupported',
    });
    expect(problem(await at('99'))).toMatchObject({ status: 400, code: 'protocol_unsupported' });
    expect((await at(String(PROTOCOL_VERSION))).statusCode).toBe(200);
  });

  it('answers a 10 MB body over real HTTP with 413 problem+json, not a cut connection', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const body = Buffer.alloc(10 * 1024 * 1024, 'a');
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/sync/push',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            authorization: `Bearer ${tokens.vedouci}`,
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Sent in pieces, as a slow connection would, while the server has already answered.
      for (let i = 0; i < body.length; i += 256 * 1024) req.write(body.subarray(i, i + 256 * 1024));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'too_large' });
  });
});
