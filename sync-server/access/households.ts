import type { SessionUser } from '../../src/core';
import type { Queryable } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { compose, type Fragment } from '../db/sql';

/**
 * The one rule of which client households a user may hold: read on a device (pull, catch-up),
 * write to (push), and export as a case file. Computed on the server from assignments, never
 * taken from the device:
 * - a supervisor: every household of their team;
 * - a field worker: the households of their open enrolments, and the team's households not
 *   enrolled yet (registered, waiting for a case to be opened);
 * - managers, admins and users without a team: none (they see aggregates only).
 */
export type Scope =
  | { kind: 'none' }
  | { kind: 'team'; teamId: string }
  | { kind: 'households'; teamId: string; households: string[] };

const holdsCaseload = (user: SessionUser): user is SessionUser & { teamId: string } =>
  !!user.teamId && (user.role === 'worker' || user.role === 'supervisor');

/**
 * The households, among `among` (all when null), that the user may hold, as a `SELECT id`.
 * Null when the user holds none.
 */
export const heldHouseholdsSql = (user: SessionUser, among: readonly string[] | null) => {
  if (!holdsCaseload(user)) return null;
  const fragment: Fragment = (p) => {
    const team = p(user.teamId);
    const e = fieldsOf('enrolment', 'e');
    const only = (column: string) => (among ? `AND ${column} = ANY(${p(among)}::uuid[])` : '');
    if (user.role === 'supervisor')
      return `SELECT h.id FROM records h
               WHERE h.type = 'household' AND h.team_id = ${team}::uuid ${only('h.id')}`;
    return `SELECT e.household_id AS id FROM records e
             WHERE e.type = 'enrolment' AND e.team_id = ${team}::uuid AND NOT e.deleted
               AND ${e('workerId')} = ${p(user.id)} AND ${e('status')} <> 'closed'
               ${only('e.household_id')}
            UNION
            SELECT h.id FROM records h
             WHERE h.type = 'household' AND h.team_id = ${team}::uuid ${only('h.id')}
               AND NOT EXISTS (SELECT 1 FROM records e2
                                WHERE e2.household_id = h.id AND e2.type = 'enrolment'
                                  AND NOT e2.deleted)`;
  };
  return fragment;
};

/** The households among `ids` this user may hold. */
export const heldAmong = async (
  db: Queryable,
  user: SessionUser,
  ids: readonly string[],
): Promise<Set<string>> => {
  const held = heldHouseholdsSql(user, ids);
  if (!held || ids.length === 0) return new Set();
  const { sql, params } = compose(held);
  return new Set((await db.query<{ id: string }>(sql, params)).map((r) => r.id));
};

/**
 * A user's scope for a pull. A supervisor's is the team as a plain condition; a worker's
 * households are looked up once per request, so the change query itself is a plain index
 * range (a per-row subquery made pulls slow at city scale).
 */
export const scopeOf = async (db: Queryable, user: SessionUser): Promise<Scope> => {
  const held = heldHouseholdsSql(user, null);
  if (!held || !user.teamId) return { kind: 'none' };
  if (user.role === 'supervisor') return { kind: 'team', teamId: user.teamId };
  const { sql, params } = compose(held);
  const rows = await db.query<{ id: string }>(sql, params);
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

/**
 * May this user export this household's case file (a data subject's request)? Managers answer
 * for the organisation; a supervisor for the households they hold; field workers do not.
 */
export const mayExportCase = async (
  db: Queryable,
  user: SessionUser,
  householdId: string,
): Promise<boolean> =>
  user.role === 'manager' ||
  (user.role === 'supervisor' && (await heldAmong(db, user, [householdId])).has(householdId));
