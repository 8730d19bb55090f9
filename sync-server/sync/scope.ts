import type { SessionUser } from '../../src/core';

/**
 * The records a user may hold on a device, as a SQL condition on `records r`, computed on
 * the server from assignments. A worker holds the households of their open enrolments
 * (and the team's households not enrolled yet); a supervisor the whole team; managers and admins no client records (they see aggregates).
 * Returns null when the user may hold nothing.
 */
export const scopeCondition = (
  user: SessionUser,
  firstParam: number,
): { sql: string; params: unknown[] } | null => {
  if (!user.teamId) return null;
  const team = `$${firstParam}`;
  switch (user.role) {
    case 'supervisor':
      return { sql: `r.team_id = ${team}`, params: [user.teamId] };
    case 'worker':
      // Open enrolments assigned to them, and households registered but not enrolled yet.
      return {
        sql: `r.team_id = ${team} AND (
                r.household_id IN (
                  SELECT e.household_id FROM records e
                   WHERE e.type = 'enrolment' AND e.team_id = ${team} AND NOT e.deleted
                     AND e.data ->> 'workerId' = $${firstParam + 1}
                     AND e.data ->> 'status' <> 'closed')
                OR NOT EXISTS (
                  SELECT 1 FROM records e2
                   WHERE e2.type = 'enrolment' AND e2.household_id = r.household_id AND NOT e2.deleted))`,
        params: [user.teamId, user.id],
      };
    default:
      return null;
  }
};
