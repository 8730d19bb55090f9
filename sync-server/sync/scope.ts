import type { SessionUser } from '../../src/core';
import type { Queryable } from '../db/database';

/**
 * The records a user may hold on a device, computed on the server from assignments: a
 * supervisor holds the whole team; a worker the households of their open enrolments and the
 * team's households not enrolled yet; managers and admins no client records (aggregates
 * only). A worker's households are looked up once per request, so the change query itself
 * is a plain index range (a per-row subquery made pulls slow at city scale, issue 8).
 */
export type Scope =
  | { kind: 'none' }
  | { kind: 'team'; teamId: string }
  | { kind: 'households'; teamId: string; households: string[] };

export const scopeOf = async (db: Queryable, user: SessionUser): Promise<Scope> => {
  if (!user.teamId) return { kind: 'none' };
  if (user.role === 'supervisor') return { kind: 'team', teamId: user.teamId };
  if (user.role !== 'worker') return { kind: 'none' };
  const rows = await db.query<{ id: string }>(
    `SELECT e.household_id AS id FROM records e
      WHERE e.type = 'enrolment' AND e.team_id = $1 AND NOT e.deleted
        AND e.data ->> 'workerId' = $2 AND e.data ->> 'status' <> 'closed'
     UNION
     SELECT h.id FROM records h
      WHERE h.type = 'household' AND h.team_id = $1
        AND NOT EXISTS (SELECT 1 FROM records e2
                         WHERE e2.household_id = h.id AND e2.type = 'enrolment' AND NOT e2.deleted)`,
    [user.teamId, user.id],
  );
  return { kind: 'households', teamId: user.teamId, households: rows.map((r) => r.id) };
};

/** The scope as a SQL condition on `records r`, its parameters numbered from `first`. */
export const scopeSql = (
  scope: Exclude<Scope, { kind: 'none' }>,
  first: number,
): { sql: string; params: unknown[] } =>
  scope.kind === 'team'
    ? { sql: `r.team_id = $${first}`, params: [scope.teamId] }
    : {
        sql: `r.team_id = $${first} AND r.household_id = ANY($${first + 1}::uuid[])`,
        params: [scope.teamId, scope.households],
      };
