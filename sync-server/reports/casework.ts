import {
  addDays,
  complianceByProgramme,
  planTimeliness,
  type CaseworkReport,
  type Contact,
  type ContactRule,
  type Enrolment,
  type Programme,
} from '../../src/core';
import type { Database } from '../db/database';
import { currentRules } from '../rules/routes';

/** How far before the period contacts are read, so rolling windows start full. */
const LOOKBACK_DAYS = 62 + 7 * 28;

const TEAM = '($3::uuid IS NULL OR team_id = $3::uuid)';

/** The casework indicators of [from, to] for the organisation, or one team. */
export const caseworkReport = async (
  db: Database,
  from: string,
  to: string,
  teamId: string | null,
  today: string,
): Promise<CaseworkReport> => {
  const rules = Object.fromEntries((await currentRules(db)).map((r) => [r.programme, r])) as Record<
    Programme,
    ContactRule
  >;
  const opened = await db.query<{ programme: string; opened: number; closed: number }>(
    `SELECT data ->> 'programme' AS programme,
            count(*) FILTER (WHERE (data ->> 'startDate')::date BETWEEN $1 AND $2)::int AS opened,
            count(*) FILTER (WHERE data ->> 'status' = 'closed'
                               AND (data ->> 'closedOn')::date BETWEEN $1 AND $2)::int AS closed
       FROM records WHERE type = 'enrolment' AND NOT deleted AND ${TEAM}
      GROUP BY 1 ORDER BY 1`,
    [from, to, teamId],
  );
  const reasons = await db.query<{ programme: string; reason: string; count: number }>(
    `SELECT data ->> 'programme' AS programme, COALESCE(data ->> 'closeReason', 'other') AS reason,
            count(*)::int AS count
       FROM records WHERE type = 'enrolment' AND NOT deleted AND ${TEAM}
        AND data ->> 'status' = 'closed' AND (data ->> 'closedOn')::date BETWEEN $1 AND $2
      GROUP BY 1, 2`,
    [from, to, teamId],
  );
  const leases = await db.query<{ programme: string; count: number }>(
    `SELECT data ->> 'programme' AS programme, count(*)::int AS count
       FROM records WHERE type = 'enrolment' AND NOT deleted AND ${TEAM}
        AND (data #>> '{lease,end}')::date BETWEEN $1 AND $2
      GROUP BY 1 ORDER BY 1`,
    [from, to, teamId],
  );
  // Enrolments running at some point of the period, with the day of their first plan.
  const running = await db.query<{ data: Enrolment; first_plan: string | null }>(
    `SELECT e.data,
            (SELECT to_char(min((p.data ->> 'createdAt')::timestamptz) AT TIME ZONE 'Europe/Prague', 'YYYY-MM-DD')
               FROM records p WHERE p.type = 'plan' AND NOT p.deleted
                AND p.household_id = e.household_id AND p.data ->> 'enrolmentId' = e.id::text) AS first_plan
       FROM records e
      WHERE e.type = 'enrolment' AND NOT e.deleted AND ($3::uuid IS NULL OR e.team_id = $3::uuid)
        AND (e.data ->> 'startDate')::date <= $2
        AND (e.data ->> 'closedOn' IS NULL OR (e.data ->> 'closedOn')::date >= ($1::date - 730))`,
    [from, to, teamId],
  );
  const enrolments = running.map((r) => r.data);
  const firstPlan = new Map(
    running.filter((r) => r.first_plan).map((r) => [r.data.id, r.first_plan as string]),
  );
  const contacts = (
    await db.query<{ data: Contact }>(
      `SELECT data FROM records
        WHERE type = 'contact' AND NOT deleted AND ${TEAM}
          AND (data ->> 'at')::timestamptz >= ($1::date::timestamp AT TIME ZONE 'Europe/Prague')
          AND (data ->> 'at')::timestamptz < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Prague')`,
      [addDays(from, -LOOKBACK_DAYS), to, teamId],
    )
  ).map((r) => r.data);
  const [groups] = await db.query<{ sessions: number; people: number; minutes: number }>(
    `SELECT count(*)::int AS sessions, COALESCE(sum((data ->> 'minutes')::int), 0)::int AS minutes,
            (SELECT count(DISTINCT p)::int FROM records g
               CROSS JOIN LATERAL jsonb_array_elements_text(g.data -> 'participantIds') p
              WHERE g.type = 'contact' AND NOT g.deleted AND g.data ->> 'kind' = 'group'
                AND ($3::uuid IS NULL OR g.team_id = $3::uuid)
                AND NOT EXISTS (SELECT 1 FROM records a WHERE a.type = 'contact' AND a.data ->> 'amends' = g.id::text)
                AND (g.data ->> 'at')::timestamptz >= ($1::date::timestamp AT TIME ZONE 'Europe/Prague')
                AND (g.data ->> 'at')::timestamptz < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Prague')) AS people
       FROM records c
      WHERE c.type = 'contact' AND NOT c.deleted AND c.data ->> 'kind' = 'group'
        AND ($3::uuid IS NULL OR c.team_id = $3::uuid)
        AND NOT EXISTS (SELECT 1 FROM records a WHERE a.type = 'contact' AND a.data ->> 'amends' = c.id::text)
        AND (c.data ->> 'at')::timestamptz >= ($1::date::timestamp AT TIME ZONE 'Europe/Prague')
        AND (c.data ->> 'at')::timestamptz < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Prague')`,
    [from, to, teamId],
  );
  return {
    enrolments: opened
      .filter((o) => o.opened > 0 || o.closed > 0)
      .map((o) => ({
        programme: o.programme,
        opened: Number(o.opened),
        closed: Number(o.closed),
        reasons: Object.fromEntries(
          reasons
            .filter((r) => r.programme === o.programme)
            .map((r) => [r.reason, Number(r.count)]),
        ),
      })),
    leasesEnding: leases.map((l) => ({ programme: l.programme, count: Number(l.count) })),
    plans: planTimeliness(enrolments, firstPlan, rules, from, to),
    compliance: complianceByProgramme(enrolments, contacts, rules, from, to, today),
    groups: {
      sessions: Number(groups?.sessions ?? 0),
      people: Number(groups?.people ?? 0),
      minutes: Number(groups?.minutes ?? 0),
    },
  };
};
