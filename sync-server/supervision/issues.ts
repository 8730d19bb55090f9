import type { SyncIssues, SyncIssuesQuery } from '../../src/core';
import type { Queryable } from '../db/database';

/** A page of the team's unresolved lost values and held-back edits, with their totals. */
export const listIssues = async (
  db: Queryable,
  teamId: string,
  query: SyncIssuesQuery,
): Promise<SyncIssues> => {
  const { limit, conflictsAfter = '0', quarantineAfter = '0' } = query;
  const conflicts = await db.query<SyncIssues['conflicts'][number]>(
    `SELECT c.id::text AS id, c.record_id AS "recordId", c.record_type AS "recordType",
            r.household_id AS "householdId", c.field, c.losing_value AS losing,
            r.data -> c.field AS current, c.user_id AS "userId",
            c.losing_user_id AS "losingUserId", c.winning_user_id AS "winningUserId",
            to_json(c.created_at) #>> '{}' AS "createdAt"
       FROM sync_conflicts c JOIN records r ON r.id = c.record_id
      WHERE c.team_id = $1 AND c.resolved_at IS NULL AND c.id > $2::bigint
      ORDER BY c.id LIMIT $3`,
    [teamId, conflictsAfter, limit],
  );
  const quarantine = await db.query<SyncIssues['quarantine'][number]>(
    `SELECT q.id::text AS id, q.record_type AS "recordType", q.household_id AS "householdId",
            q.record, q.user_id AS "userId", to_json(q.created_at) #>> '{}' AS "createdAt",
            q.reason
       FROM sync_quarantine q
      WHERE q.team_id = $1 AND q.resolved_at IS NULL AND q.id > $2::bigint
      ORDER BY q.id LIMIT $3`,
    [teamId, quarantineAfter, limit],
  );
  const [totals] = await db.query<{ conflicts: number; quarantine: number }>(
    `SELECT (SELECT count(*)::int FROM sync_conflicts c JOIN records r ON r.id = c.record_id
              WHERE c.team_id = $1 AND c.resolved_at IS NULL) AS conflicts,
            (SELECT count(*)::int FROM sync_quarantine
              WHERE team_id = $1 AND resolved_at IS NULL) AS quarantine`,
    [teamId],
  );
  return {
    conflicts: conflicts.map((c) => ({
      ...c,
      losing: c.losing ?? null,
      current: c.current ?? null,
    })),
    quarantine,
    totals: totals ?? { conflicts: 0, quarantine: 0 },
  };
};
