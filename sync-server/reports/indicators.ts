import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CaseworkQuery,
  IndicatorQuery,
  pragueDate,
  type CaseworkReport,
  type IndicatorRow,
  type ReportDimension,
} from '../../src/core';
import { audit } from '../audit/audit';
import { authenticate } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { fieldsOf } from '../db/record-fields';
import { contactInPeriod, notAmended } from '../db/record-predicates';
import { districtCodes, programmeCodes } from '../rules/catalog';
import { HttpProblem } from '../http/problem';
import { caseworkReport } from './casework';

const COLUMN: Record<ReportDimension, { column: string; key: keyof IndicatorRow }> = {
  month: { column: 'month', key: 'month' },
  programme: { column: 'programme', key: 'programme' },
  district: { column: 'district', key: 'district' },
  worker: { column: 'worker_id', key: 'workerId' },
};

/**
 * Indicators from the records themselves, in SQL over the whole organisation (or a
 * supervisor's team): real contacts only (failed attempts and corrected originals left
 * out), each visit's minutes split across the enrolments it served exactly as the app
 * splits them (whole minutes, the remainder to the lowest enrolment ids), and people counted
 * once however many visits they had.
 */
const INDICATOR_SQL = (dims: ReportDimension[]) => {
  const cols = dims.map((d) => COLUMN[d].column);
  const group = cols.length ? cols.join(', ') : '()';
  const pick = cols.map((c, i) => `agg.${c} AS "${COLUMN[dims[i] as ReportDimension].key}"`);
  const on = cols.length
    ? cols.map((c) => `ppl.${c} IS NOT DISTINCT FROM agg.${c}`).join(' AND ')
    : 'true';
  const [c, e, h] = [
    fieldsOf('contact', 'c'),
    fieldsOf('enrolment', 'e'),
    fieldsOf('household', 'h'),
  ];
  return `
    WITH real_contacts AS (
      SELECT c.id, c.household_id, c.data,
             (${c('at')})::timestamptz AS at, ${c('workerId')} AS worker_id,
             (${c('minutes')})::int AS minutes
        FROM records c
       WHERE c.type = 'contact' AND NOT c.deleted
         AND ${c('kind')} <> 'failed_attempt'
         AND ($3::uuid IS NULL OR c.team_id = $3::uuid)
         AND ${contactInPeriod('c')} AND ${notAmended('c')}
    ),
    shares AS (
      SELECT rc.*, x.enrolment_id,
             rc.minutes / x.n + CASE WHEN x.rank <= rc.minutes % x.n THEN 1 ELSE 0 END AS share
        FROM real_contacts rc
        CROSS JOIN LATERAL (
          SELECT v AS enrolment_id, row_number() OVER (ORDER BY v) AS rank, count(*) OVER () AS n
            FROM (SELECT DISTINCT jsonb_array_elements_text(${fieldsOf('contact', 'rc').json('enrolmentIds')}) AS v) ids
        ) x
    ),
    base AS (
      SELECT s.id, s.data, s.share, s.worker_id,
             to_char(s.at AT TIME ZONE 'Europe/Prague', 'YYYY-MM') AS month,
             ${e('programme')} AS programme, ${h('district')} AS district
        FROM shares s
        JOIN records e ON e.id = s.enrolment_id::uuid
        JOIN records h ON h.id = s.household_id
       WHERE ($4::text IS NULL OR ${e('programme')} = $4::text)
         AND ($5::text IS NULL OR ${h('district')} = $5::text)
    ),
    agg AS (
      SELECT ${[...cols, 'count(DISTINCT id)::int AS contacts', 'sum(share)::int AS minutes'].join(', ')}
        FROM base GROUP BY ${group}
    ),
    ppl AS (
      SELECT ${[...cols, 'count(DISTINCT p)::int AS people'].join(', ')}
        FROM base CROSS JOIN LATERAL jsonb_array_elements_text(${fieldsOf('contact', 'base').json('participantIds')}) p
       GROUP BY ${group}
    )
    SELECT ${[...pick, 'COALESCE(ppl.people, 0) AS people', 'agg.contacts', 'agg.minutes'].join(', ')}
      FROM agg LEFT JOIN ppl ON ${on}
     ORDER BY ${cols.length ? cols.map((_, i) => i + 1).join(', ') : '1'}`;
};

/** Managers see the organisation, supervisors their team; workers and admins no reports. */
const reader = async (db: Database, request: FastifyRequest) => {
  const session = await authenticate(db, request);
  const { role, teamId } = session.user;
  if (role !== 'manager' && role !== 'supervisor') throw new HttpProblem(403, 'forbidden');
  return { session, teamId: role === 'supervisor' ? teamId : null };
};

const logExport = (db: Database, session: Session, recordType: string) =>
  audit(db, [
    { userId: session.user.id, deviceId: session.deviceId, action: 'export', recordType },
  ]);

/** A report narrowed to a district or a programme the city does not list is a bad request. */
const knownCodes = async (
  db: Database,
  { district, programme }: { district?: string | undefined; programme?: string | undefined },
) =>
  (district === undefined || (await districtCodes(db)).has(district)) &&
  (programme === undefined || (await programmeCodes(db)).has(programme));

export const registerReportRoutes = (app: FastifyInstance, db: Database) => {
  app.get('/api/reports/casework', async (request): Promise<CaseworkReport> => {
    const { session, teamId } = await reader(db, request);
    const parsed = CaseworkQuery.safeParse(request.query);
    if (!parsed.success || !(await knownCodes(db, parsed.data)))
      throw new HttpProblem(400, 'invalid_request');
    const report = await caseworkReport(db, parsed.data, teamId, pragueDate(new Date()));
    await logExport(db, session, 'report');
    return report;
  });

  app.get('/api/reports/indicators', async (request) => {
    const { session, teamId } = await reader(db, request);
    const parsed = IndicatorQuery.safeParse(request.query);
    if (
      !parsed.success ||
      parsed.data.from > parsed.data.to ||
      !(await knownCodes(db, parsed.data))
    )
      throw new HttpProblem(400, 'invalid_request');
    const { from, to, group, programme, district } = parsed.data;
    const dims = [...new Set(group)];
    const rows = await db.query<Record<string, unknown>>(INDICATOR_SQL(dims), [
      from,
      to,
      teamId,
      programme ?? null,
      district ?? null,
    ]);
    await logExport(db, session, 'report');
    return {
      rows: rows.map(({ people, contacts, minutes, ...keys }) => ({
        ...keys,
        people: Number(people),
        contacts: Number(contacts),
        minutes: Number(minutes),
      })),
    };
  });
};
