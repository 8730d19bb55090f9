import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CatchUpRequest,
  knowsRecordType,
  PROTOCOL_HEADER,
  PullRequest,
  stableJson,
  type CatchUpResponse,
  type PullResponse,
  type RecordType,
} from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import { currentRules } from '../rules/routes';
import { scopeOf, scopeSql } from './scope';

/** A fingerprint of the rules: the device fetches them only when it changes. */
const rulesVersion = (rules: unknown) =>
  createHash('sha256').update(stableJson(rules)).digest('base64url').slice(0, 22);

type ChangeRow = { type: RecordType; data: Record<string, unknown>; seq: number };

/** Changes as the device can read them: types newer than its protocol are left out. */
const forDevice = (request: FastifyRequest, rows: readonly ChangeRow[]) => {
  const protocol = Number(request.headers[PROTOCOL_HEADER]);
  return rows
    .filter((r) => knowsRecordType(protocol, r.type))
    .map((r) => ({ type: r.type, record: r.data }));
};

export const registerPullRoute = (app: FastifyInstance, db: Database) => {
  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const session = await authenticate(db, request);
    const parsed = PullRequest.safeParse(request.query);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    const { cursor, limit } = parsed.data;
    const found = await scopeOf(db, session.user);
    if (found.kind === 'none') return { cursor, hasMore: false, changes: [] };
    const scope = scopeSql(found, 3);
    const rows = await db.query<ChangeRow>(
      `SELECT r.type, r.data, r.seq FROM records r
        WHERE r.seq > $1 AND ${scope.sql}
        ORDER BY r.seq LIMIT $2`,
      [cursor, limit + 1, ...scope.params],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const hasMore = rows.length > limit;
    const inScope = scopeSql(found, 1);
    const scopeIds = hasMore
      ? undefined
      : (
          await db.query<{ id: string }>(
            `SELECT r.id FROM records r WHERE r.type = 'household' AND NOT r.deleted AND ${inScope.sql}`,
            inScope.params,
          )
        ).map((r) => r.id);
    return {
      cursor: last ? String(last.seq) : cursor,
      hasMore,
      changes: forDevice(request, page),
      ...(scopeIds ? { scope: scopeIds, rulesVersion: rulesVersion(await currentRules(db)) } : {}),
      serverTime: Date.now(),
    };
  });

  app.post('/api/sync/households', async (request): Promise<CatchUpResponse> => {
    const session = await authenticate(db, request);
    const parsed = CatchUpRequest.safeParse(request.body);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    const found = await scopeOf(db, session.user);
    if (found.kind === 'none') return { changes: [] };
    const scope = scopeSql(found, 2);
    // Only households in scope: asking for others returns nothing about them.
    const rows = await db.query<ChangeRow>(
      `SELECT r.type, r.data, r.seq FROM records r
        WHERE r.household_id = ANY($1::uuid[]) AND ${scope.sql} ORDER BY r.seq`,
      [parsed.data.ids, ...scope.params],
    );
    return { changes: forDevice(request, rows) };
  });
};
