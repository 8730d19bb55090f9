import type { FastifyInstance } from 'fastify';
import { PullRequest, type PullResponse, type RecordType } from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problem';
import { scopeCondition } from './scope';

type ChangeRow = { type: RecordType; data: Record<string, unknown>; seq: number };

export const registerPullRoute = (app: FastifyInstance, db: Database) => {
  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const session = await authenticate(db, request);
    const parsed = PullRequest.safeParse(request.query);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    const { cursor, limit } = parsed.data;
    const scope = scopeCondition(session.user, 3);
    if (!scope) return { cursor, hasMore: false, changes: [] };
    const rows = await db.query<ChangeRow>(
      `SELECT r.type, r.data, r.seq FROM records r
        WHERE r.seq > $1 AND ${scope.sql}
        ORDER BY r.seq LIMIT $2`,
      [cursor, limit + 1, ...scope.params],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      cursor: last ? String(last.seq) : cursor,
      hasMore: rows.length > limit,
      changes: page.map((r) => ({ type: r.type, record: r.data })),
    };
  });
};
