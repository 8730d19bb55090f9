import {
  addDays,
  complianceByProgramme,
  planTimeliness,
  type CaseworkQuery,
  type CaseworkReport,
  type Contact,
  type RuleSet,
  type Enrolment,
} from '../../src/core';
import type { Database } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { contactInPeriod, enrolmentRunning, notAmended } from '../db/record-predicates';
import { currentRules } from '../rules/routes';

/** How far before the period contacts are read, so rolling windows start full. */
const LOOKBACK_DAYS = 62 + 7 * 28;

/**
 * Every filtered query takes the same parameters: $1 from, $2 to, $3 team (null for the
 * whole organisation), $4 programme and $5 district (null for all).
 */
type Scope = { query: CaseworkQuery; teamId: string | null };
const params = ({ query, teamId }: Scope) => [
  query.from,
  query.to,
  teamId,
  query.programme ?? null,
  query.district ?? null,
];

/** The fields of enrolment `e`, as most of these queries call it. */
const ENROLMENT = fieldsOf('enrolment', 'e');

const IN_TEAM = (r: string) => `($3::uuid IS NULL OR ${r}.team_id = $3::uuid)`;

/** In the chosen district by the household's current address, as the indicators count it. */
const IN_DISTRICT = (r: string) =>
  `($5::text IS NULL OR EXISTS (SELECT 1 FROM records h
     WHERE h.id = ${r}.household_id AND h.type = 'household'
       AND ${fieldsOf('household', 'h')('district')} = $5::text))`;

/** Enrolment `e` in the team, of the chosen programme, in a household of the chosen district. */
const ENROLMENT_SCOPE = (e: string) =>
  `${IN_TEAM(e)} AND ($4::text IS NULL OR ${fieldsOf('enrolment', e)('programme')} = $4::text)
   AND ${IN_DISTRICT(e)}`;

const rulesByProgramme = async (db: Database): Promise<RuleSet> =>
  Object.fromEntries((await currentRules(db)).map((r) => [r.programme, r]));

/** Enrolments opened and closed within the period, closures by reason. */
const enrolmentCounts = async (
  db: Database,
  scope: Scope,
): Promise<CaseworkReport['enrolments']> => {
  const e = ENROLMENT;
  const closedInPeriod = `${e('status')} = 'closed' AND (${e('closedOn')})::date BETWEEN $1 AND $2`;
  const opened = await db.query<{ programme: string; opened: number; closed: number }>(
    `SELECT ${e('programme')} AS programme,
            count(*) FILTER (WHERE (${e('startDate')})::date BETWEEN $1 AND $2)::int AS opened,
            count(*) FILTER (WHERE ${closedInPeriod})::int AS closed
       FROM records e WHERE e.type = 'enrolment' AND NOT e.deleted AND ${ENROLMENT_SCOPE('e')}
      GROUP BY 1 ORDER BY 1`,
    params(scope),
  );
  const reasons = await db.query<{ programme: string; reason: string; count: number }>(
    `SELECT ${e('programme')} AS programme,
            COALESCE(${e('closeReason')}, 'other') AS reason, count(*)::int AS count
       FROM records e WHERE e.type = 'enrolment' AND NOT e.deleted AND ${ENROLMENT_SCOPE('e')}
        AND ${closedInPeriod}
      GROUP BY 1, 2`,
    params(scope),
  );
  return opened
    .filter((o) => o.opened > 0 || o.closed > 0)
    .map((o) => ({
      programme: o.programme,
      opened: Number(o.opened),
      closed: Number(o.closed),
      reasons: Object.fromEntries(
        reasons.filter((r) => r.programme === o.programme).map((r) => [r.reason, Number(r.count)]),
      ),
    }));
};

const leasesEnding = async (db: Database, scope: Scope): Promise<CaseworkReport['leasesEnding']> =>
  (
    await db.query<{ programme: string; count: number }>(
      `SELECT ${ENROLMENT('programme')} AS programme, count(*)::int AS count
         FROM records e WHERE e.type = 'enrolment' AND NOT e.deleted AND ${ENROLMENT_SCOPE('e')}
          AND (${ENROLMENT.path('lease', 'end')})::date BETWEEN $1 AND $2
        GROUP BY 1 ORDER BY 1`,
      params(scope),
    )
  ).map((l) => ({ programme: l.programme, count: Number(l.count) }));

/** Enrolments running at some point of the period, with the day of their first plan. */
const runningEnrolments = async (db: Database, scope: Scope) => {
  const p = fieldsOf('plan', 'p');
  const running = await db.query<{ data: Enrolment; first_plan: string | null }>(
    `SELECT e.data,
            (SELECT to_char(min((${p('createdAt')})::timestamptz) AT TIME ZONE 'Europe/Prague', 'YYYY-MM-DD')
               FROM records p WHERE p.type = 'plan' AND NOT p.deleted
                AND p.household_id = e.household_id AND ${p('enrolmentId')} = e.id::text) AS first_plan
       FROM records e
      WHERE e.type = 'enrolment' AND NOT e.deleted AND ${ENROLMENT_SCOPE('e')}
        AND ${enrolmentRunning('e', '($1::date - 730)')}`,
    params(scope),
  );
  return {
    enrolments: running.map((r) => r.data),
    firstPlan: new Map(
      running.filter((r) => r.first_plan).map((r) => [r.data.id, r.first_plan as string]),
    ),
  };
};

/**
 * The team's contacts from before the period on. Not narrowed by programme or district: the
 * agenda engine matches contacts to the (already narrowed) enrolments by household and
 * enrolment id, so other contacts never count, and the engine sees what the agenda sees.
 */
const contactsSince = async (db: Database, { query, teamId }: Scope) =>
  (
    await db.query<{ data: Contact }>(
      `SELECT c.data FROM records c
        WHERE c.type = 'contact' AND NOT c.deleted AND ${IN_TEAM('c')} AND ${contactInPeriod('c')}`,
      [addDays(query.from, -LOOKBACK_DAYS), query.to, teamId],
    )
  ).map((r) => r.data);

/**
 * Group sessions of the period (corrections replacing their original), in a household of
 * the chosen district. With a programme, only sessions serving one of its enrolments count,
 * and only the programme's share of their minutes, split exactly as the indicators split
 * them (whole minutes, the remainder to the lowest enrolment ids); people are counted once.
 */
const groupActivities = async (db: Database, scope: Scope): Promise<CaseworkReport['groups']> => {
  const c = fieldsOf('contact', 'c');
  const minutes = `(${c('minutes')})::int`;
  const [row] = await db.query<{ sessions: number; people: number; minutes: number }>(
    `WITH sessions AS (
       SELECT c.data, CASE WHEN $4::text IS NULL THEN ${minutes} ELSE share.minutes END AS minutes
         FROM records c
         CROSS JOIN LATERAL (
           SELECT sum(${minutes} / x.n + CASE WHEN x.rank <= ${minutes} % x.n THEN 1 ELSE 0 END)::int AS minutes
             FROM (SELECT v, row_number() OVER (ORDER BY v) AS rank, count(*) OVER () AS n
                     FROM (SELECT DISTINCT jsonb_array_elements_text(${c.json('enrolmentIds')}) AS v) ids) x
             JOIN records e ON e.id = x.v::uuid
            WHERE ${ENROLMENT('programme')} = $4::text
         ) share
        WHERE c.type = 'contact' AND NOT c.deleted AND ${c('kind')} = 'group'
          AND ${IN_TEAM('c')} AND ${IN_DISTRICT('c')} AND ${contactInPeriod('c')} AND ${notAmended('c')}
          AND ($4::text IS NULL OR share.minutes IS NOT NULL)
     )
     SELECT count(*)::int AS sessions, COALESCE(sum(minutes), 0)::int AS minutes,
            (SELECT count(DISTINCT p)::int
               FROM sessions s
               CROSS JOIN LATERAL jsonb_array_elements_text(${fieldsOf('contact', 's').json('participantIds')}) p) AS people
       FROM sessions`,
    params(scope),
  );
  return {
    sessions: Number(row?.sessions ?? 0),
    people: Number(row?.people ?? 0),
    minutes: Number(row?.minutes ?? 0),
  };
};

/**
 * The casework indicators of [from, to] for the organisation, or one team, every table
 * narrowed by the query's programme (the enrolments' programme) and district (the current
 * district of the enrolment's or group session's household), as the indicators are.
 */
export const caseworkReport = async (
  db: Database,
  query: CaseworkQuery,
  teamId: string | null,
  today: string,
): Promise<CaseworkReport> => {
  const scope: Scope = { query, teamId };
  const { from, to } = query;
  const rules = await rulesByProgramme(db);
  const { enrolments, firstPlan } = await runningEnrolments(db, scope);
  const contacts = await contactsSince(db, scope);
  return {
    enrolments: await enrolmentCounts(db, scope),
    leasesEnding: await leasesEnding(db, scope),
    plans: planTimeliness(enrolments, firstPlan, rules, from, to),
    compliance: complianceByProgramme(enrolments, contacts, rules, from, to, today),
    groups: await groupActivities(db, scope),
  };
};
