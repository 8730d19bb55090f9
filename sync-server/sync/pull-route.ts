import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CatchUpRequest,
  DEFAULT_RULES,
  MAX_REPLACED_PER_PULL,
  knowsRecordType,
  PROTOCOL_HEADER,
  PullRequest,
  stableJson,
  type CatchUpResponse,
  type PullResponse,
  type RecordType,
  type ReplacedValue,
} from '../../src/core';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { HttpProblem } from '../http/problem';
import { type Scope, scopeOf, scopeSql } from '../access/households';

/** The rules this server falls back to (they change only with a new server version). */
const DEFAULTS = stableJson(DEFAULT_RULES);

/**
 * A fingerprint of the rules and the city's districts, programmes and localities: the device
 * fetches them (rules and catalog) only when it changes. Taken in the same statement as the
 * scope, so a pull costs no extra query for it.
 */
const rulesVersion = (storedRules: string) =>
  createHash('sha256').update(DEFAULTS).update(storedRules).digest('base64url').slice(0, 22);

type InScope = Exclude<Scope, { kind: 'none' }>;

/**
 * This device's accepted values that a colleague's concurrent edit replaced after `after`, in
 * the households it may still hold (a case that moved away takes its notices with it).
 */
const replacedSince = async (
  db: Database,
  deviceId: string,
  after: string,
  found: InScope,
): Promise<ReplacedValue[]> => {
  const scope = scopeSql(found, 4);
  const rows = await db.query<{
    id: string;
    record_type: string;
    record_id: string;
    household_id: string;
    field: string;
    losing_value: unknown;
    created_at: Date | string;
  }>(
    `SELECT c.id::text AS id, c.record_type, c.record_id, r.household_id, c.field,
            c.losing_value, c.created_at
       FROM sync_conflicts c JOIN records r ON r.id = c.record_id
      WHERE c.losing_device_id = $1 AND c.id > $2 AND ${scope.sql}
      ORDER BY c.id LIMIT $3`,
    [deviceId, after, MAX_REPLACED_PER_PULL, ...scope.params],
  );
  return rows.map((c) => ({
    id: c.id,
    recordType: c.record_type,
    recordId: c.record_id,
    householdId: c.household_id,
    field: c.field,
    mine: c.losing_value,
    at: new Date(c.created_at).toISOString(),
  }));
};

type ChangeRow = { type: RecordType; data: Record<string, unknown>; seq: number };

/** Changes as the device can read them: types newer than its protocol are left out. */
const forDevice = (request: FastifyRequest, rows: readonly ChangeRow[]) => {
  const protocol = Number(request.headers[PROTOCOL_HEADER]);
  return rows
    .filter((r) => knowsRecordType(protocol, r.type))
    .map((r) => ({ type: r.type, record: r.data }));
};

/** One page of changes after the cursor (one more row than asked, to tell whether more wait). */
const readPage = (db: Database, found: InScope, query: PullRequest) => {
  const params: unknown[] = [query.cursor, query.limit + 1];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [`r.seq > $1`];
  if (query.upTo !== undefined) where.push(`r.seq <= ${param(query.upTo)}`);
  if (query.part) {
    const at = fieldsOf('contact', 'r')('at');
    const old = `(r.type = 'contact' AND (${at})::timestamptz < ${param(query.before)}::timestamptz)`;
    where.push(query.part === 'history' ? old : `NOT ${old}`);
  }
  const scope = scopeSql(found, params.length + 1);
  params.push(...scope.params);
  return db.query<ChangeRow>(
    `SELECT r.type, r.data, r.seq FROM records r
      WHERE ${where.join(' AND ')} AND ${scope.sql}
      ORDER BY r.seq LIMIT $2`,
    params,
  );
};

/** The households the device may hold, and what the rules' fingerprint is made of. */
const readTail = async (db: Database, found: InScope) => {
  const inScope = scopeSql(found, 1);
  const [tail] = await db.query<{ scope: string[]; rules: string | null }>(
    `SELECT array(SELECT r.id::text FROM records r
                 WHERE r.type = 'household' AND NOT r.deleted AND ${inScope.sql}) AS scope,
          concat((SELECT string_agg(programme || '=' || rule::text, ';' ORDER BY programme)
                    FROM contact_rules), '|',
                 (SELECT string_agg(code || '=' || name, ';' ORDER BY position, code)
                    FROM districts), '|',
                 (SELECT string_agg(concat_ws('=', code, name, housing, lease_max_months,
                                              colour, position), ';' ORDER BY code)
                    FROM programmes), '|',
                 (SELECT string_agg(concat_ws('=', district, name, kind, position), ';'
                                    ORDER BY district, name)
                    FROM localities)) AS rules`,
    inScope.params,
  );
  return { scope: tail?.scope ?? [], rulesVersion: rulesVersion(tail?.rules ?? '') };
};

const pull = async (
  db: Database,
  request: FastifyRequest,
  session: Session,
  query: PullRequest,
): Promise<PullResponse> => {
  const { cursor, limit, part, replacedAfter } = query;
  const found = await scopeOf(db, session.user);
  if (found.kind === 'none') return { cursor, hasMore: false, changes: [], ...(part && { part }) };
  const rows = await readPage(db, found, query);
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  // On the last page of an ordinary pull: the scope, and whether the rules changed (a first
  // sync's parts are followed by an ordinary pull).
  const tail = hasMore || part ? undefined : await readTail(db, found);
  const replaced =
    tail && replacedAfter !== undefined
      ? await replacedSince(db, session.deviceId, replacedAfter, found)
      : [];
  const last = page.at(-1);
  return {
    cursor: last ? String(last.seq) : cursor,
    hasMore,
    changes: forDevice(request, page),
    ...tail,
    ...(replaced.length ? { replaced } : {}),
    serverTime: Date.now(),
    ...(part && { part }),
  };
};

export const registerPullRoute = (app: FastifyInstance, db: Database) => {
  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const session = await authenticate(db, request);
    const parsed = PullRequest.safeParse(request.query);
    if (!parsed.success) throw new HttpProblem(400, 'invalid_request');
    return pull(db, request, session, parsed.data);
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
